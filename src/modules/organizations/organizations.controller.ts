import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { ListOrganizationsQueryDto, SuspendOrganizationDto, UpdateOrganizationDto } from './dto/manage-organization.dto';
import { UpdateMyOrganizationDto } from './dto/organization-settings.dto';
import { OrganizationResponseDto } from './dto/organization-response.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get('me')
  @RequirePermission(Permission.OrganizationRead)
  @ApiOperation({ summary: 'The caller’s own organization: settings, plan and limits' })
  @ApiOkResponse({ type: OrganizationResponseDto })
  findMine(@CurrentUser() actor: AuthUser): Promise<OrganizationResponseDto> {
    return this.organizations.findMine(actor);
  }

  @Patch('me')
  @RequirePermission(Permission.OrganizationUpdate)
  @ApiOperation({ summary: 'Update the caller’s organization (name, timezone, locale)' })
  @ApiOkResponse({ type: OrganizationResponseDto })
  updateMine(@CurrentUser() actor: AuthUser, @Body() dto: UpdateMyOrganizationDto): Promise<OrganizationResponseDto> {
    return this.organizations.updateMine(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.OrganizationsManage)
  @ApiOperation({ summary: 'Super admin: list clinics' })
  @ApiPageResponse(OrganizationResponseDto)
  list(@Query() query: ListOrganizationsQueryDto): Promise<Page<OrganizationResponseDto>> {
    return this.organizations.list(query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganizationsManage)
  @ApiOperation({ summary: 'Super admin: one clinic' })
  @ApiOkResponse({ type: OrganizationResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  findOne(@Param('id', UuidPipe) id: string): Promise<OrganizationResponseDto> {
    return this.organizations.findOne(id);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrganizationsManage)
  @ApiOperation({ summary: 'Super admin: change a clinic’s settings or plan' })
  @ApiOkResponse({ type: OrganizationResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: UpdateOrganizationDto): Promise<OrganizationResponseDto> {
    return this.organizations.update(actor, id, dto);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @RequirePermission(Permission.OrganizationsManage)
  @ApiOperation({ summary: 'Super admin: suspend a clinic; its users get 403 ORGANIZATION_SUSPENDED on every request' })
  @ApiOkResponse({ type: OrganizationResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'Already suspended', type: ErrorResponseDto })
  suspend(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: SuspendOrganizationDto): Promise<OrganizationResponseDto> {
    return this.organizations.suspend(actor, id, dto);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @RequirePermission(Permission.OrganizationsManage)
  @ApiOperation({ summary: 'Super admin: lift a suspension' })
  @ApiOkResponse({ type: OrganizationResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'Not suspended', type: ErrorResponseDto })
  reactivate(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<OrganizationResponseDto> {
    return this.organizations.reactivate(actor, id);
  }
}
