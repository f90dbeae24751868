import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
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
import { CreateTagDto, ListTagsQueryDto, TagResponseDto, UpdateTagDto } from './dto/tag.dto';
import { TagsService } from './tags.service';

const NOT_FOUND = { description: 'TAG_NOT_FOUND: missing or another clinic’s', type: ErrorResponseDto };
const NAME_TAKEN = { description: 'TAG_NAME_TAKEN: another tag of the organization has this name, ignoring case', type: ErrorResponseDto };

@ApiTags('tags')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorResponseDto })
@Controller('tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  @RequirePermission(Permission.ConversationsRead)
  @ApiOperation({ summary: 'The organization’s tags, alphabetical by default' })
  @ApiPageResponse(TagResponseDto)
  list(@CurrentUser() actor: AuthUser, @Query() query: ListTagsQueryDto): Promise<Page<TagResponseDto>> {
    return this.tags.list(actor, query);
  }

  @Post()
  @RequirePermission(Permission.TagsManage)
  @ApiOperation({ summary: 'Create a tag' })
  @ApiCreatedResponse({ type: TagResponseDto })
  @ApiConflictResponse(NAME_TAKEN)
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateTagDto): Promise<TagResponseDto> {
    return this.tags.create(actor, dto);
  }

  @Get(':id')
  @RequirePermission(Permission.ConversationsRead)
  @ApiOperation({ summary: 'One tag' })
  @ApiOkResponse({ type: TagResponseDto })
  @ApiNotFoundResponse(NOT_FOUND)
  findOne(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<TagResponseDto> {
    return this.tags.findOne(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.TagsManage)
  @ApiOperation({ summary: 'Rename or recolour a tag' })
  @ApiOkResponse({ type: TagResponseDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(NAME_TAKEN)
  update(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: UpdateTagDto): Promise<TagResponseDto> {
    return this.tags.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.TagsManage)
  @ApiOperation({ summary: 'Delete a tag; it is removed from every conversation' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse(NOT_FOUND)
  remove(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.tags.remove(actor, id);
  }
}
