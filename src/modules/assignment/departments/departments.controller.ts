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
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { DepartmentsService } from './departments.service';
import { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department-input.dto';
import { DepartmentResponseDto } from './dto/department-response.dto';
import { ListDepartmentsQueryDto } from './dto/list-departments-query.dto';

@ApiTags('departments')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @RequirePermission(Permission.DepartmentsRead)
  @ApiOperation({ summary: 'The organization’s departments with their keywords and secretaries' })
  @ApiPageResponse(DepartmentResponseDto)
  list(@CurrentUser() actor: AuthUser, @Query() query: ListDepartmentsQueryDto): Promise<Page<DepartmentResponseDto>> {
    return this.departments.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.DepartmentsRead)
  @ApiOkResponse({ type: DepartmentResponseDto })
  @ApiNotFoundResponse({ description: 'DEPARTMENT_NOT_FOUND', type: ErrorResponseDto })
  findOne(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<DepartmentResponseDto> {
    return this.departments.findOne(actor, id);
  }

  @Post()
  @RequirePermission(Permission.DepartmentsManage)
  @ApiOperation({ summary: 'Create a department' })
  @ApiCreatedResponse({ type: DepartmentResponseDto })
  @ApiConflictResponse({ description: 'DEPARTMENT_NAME_TAKEN (names are unique ignoring case)', type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'DEPARTMENT_INVALID_MEMBER: a member is not an active secretary of the organization', type: ErrorResponseDto })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateDepartmentDto): Promise<DepartmentResponseDto> {
    return this.departments.create(actor, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.DepartmentsManage)
  @ApiOperation({ summary: 'Change name, description, keywords or members (member_ids replaces the whole list)' })
  @ApiOkResponse({ type: DepartmentResponseDto })
  @ApiNotFoundResponse({ description: 'DEPARTMENT_NOT_FOUND', type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'DEPARTMENT_NAME_TAKEN', type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'DEPARTMENT_INVALID_MEMBER', type: ErrorResponseDto })
  update(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: UpdateDepartmentDto): Promise<DepartmentResponseDto> {
    return this.departments.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.DepartmentsManage)
  @ApiOperation({ summary: 'Delete a department; items routed to it by hand fall back to procedure matching' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'DEPARTMENT_NOT_FOUND', type: ErrorResponseDto })
  remove(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.departments.remove(actor, id);
  }
}
