import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { CreateTemplateDto, ListTemplatesQueryDto, RenderedTemplateDto, RenderTemplateDto, TemplateResponseDto, UpdateTemplateDto } from './dto/template.dto';
import { TemplatesService } from './templates.service';

const NOT_FOUND = { description: 'TEMPLATE_NOT_FOUND: missing or another clinic’s', type: ErrorResponseDto };
const NAME_TAKEN = { description: 'TEMPLATE_NAME_TAKEN: another template of the organization has this name, ignoring case', type: ErrorResponseDto };
const BAD_CONTENT = { description: 'VALIDATION_FAILED, or TEMPLATE_VARIABLES_INVALID: the content uses an unknown variable (details.unknown) or a broken placeholder', type: ErrorResponseDto };

@ApiTags('templates')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorResponseDto })
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @RequirePermission(Permission.TemplatesRead)
  @ApiOperation({ summary: 'The organization’s message templates, by name' })
  @ApiPageResponse(TemplateResponseDto)
  list(@CurrentUser() actor: AuthUser, @Query() query: ListTemplatesQueryDto): Promise<Page<TemplateResponseDto>> {
    return this.templates.list(actor, query);
  }

  @Post()
  @RequirePermission(Permission.TemplatesManage)
  @ApiOperation({ summary: 'Create a template' })
  @ApiCreatedResponse({ type: TemplateResponseDto })
  @ApiBadRequestResponse(BAD_CONTENT)
  @ApiConflictResponse(NAME_TAKEN)
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateTemplateDto): Promise<TemplateResponseDto> {
    return this.templates.create(actor, dto);
  }

  @Get(':id')
  @RequirePermission(Permission.TemplatesRead)
  @ApiOperation({ summary: 'One template' })
  @ApiOkResponse({ type: TemplateResponseDto })
  @ApiNotFoundResponse(NOT_FOUND)
  findOne(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<TemplateResponseDto> {
    return this.templates.findOne(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.TemplatesManage)
  @ApiOperation({ summary: 'Change a template' })
  @ApiOkResponse({ type: TemplateResponseDto })
  @ApiBadRequestResponse(BAD_CONTENT)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(NAME_TAKEN)
  update(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: UpdateTemplateDto): Promise<TemplateResponseDto> {
    return this.templates.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission(Permission.TemplatesManage)
  @ApiOperation({ summary: 'Delete a template' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse(NOT_FOUND)
  remove(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.templates.remove(actor, id);
  }

  @Post(':id/render')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.TemplatesRead)
  @ApiOperation({
    summary: 'Preview a template with the given values',
    description: 'Nothing is filled in automatically here (sending through `POST /conversations/:id/messages` fills nome, primeiro_nome and clinica).',
  })
  @ApiOkResponse({ type: RenderedTemplateDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, or TEMPLATE_VARIABLES_INVALID: details.missing and details.unknown list the variables', type: ErrorResponseDto })
  @ApiNotFoundResponse(NOT_FOUND)
  render(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: RenderTemplateDto): Promise<RenderedTemplateDto> {
    return this.templates.render(actor, id, dto.variables);
  }
}
