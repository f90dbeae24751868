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
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { CreateUserDto, UpdateProfileDto, UpdateUserDto } from './dto/user-input.dto';
import { UserResponseDto } from './dto/user-response.dto';
import { UserProfileService } from './user-profile.service';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly profile: UserProfileService,
  ) {}

  @Get('me')
  @RequirePermission(Permission.ProfileRead)
  @ApiOperation({ summary: 'The caller’s own account' })
  @ApiOkResponse({ type: UserResponseDto })
  me(@CurrentUser() actor: AuthUser): Promise<UserResponseDto> {
    return this.profile.get(actor);
  }

  @Patch('me')
  @RequirePermission(Permission.ProfileWrite)
  @ApiOperation({ summary: 'Update the caller’s name or email (email needs current_password)' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiConflictResponse({ description: 'Email already used', type: ErrorResponseDto })
  updateMe(@CurrentUser() actor: AuthUser, @Body() dto: UpdateProfileDto): Promise<UserResponseDto> {
    return this.profile.update(actor, dto);
  }

  @Post()
  @RequirePermission(Permission.UsersWrite)
  @ApiOperation({ summary: 'Add a user to the organization (403 PLAN_LIMIT_REACHED past the plan’s max users)' })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiConflictResponse({ description: 'Email already used', type: ErrorResponseDto })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateUserDto): Promise<UserResponseDto> {
    return this.users.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.UsersRead)
  @ApiOperation({ summary: 'List the organization’s users' })
  @ApiPageResponse(UserResponseDto)
  list(@CurrentUser() actor: AuthUser, @Query() query: ListUsersQueryDto): Promise<Page<UserResponseDto>> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.UsersRead)
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  findOne(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<UserResponseDto> {
    return this.users.findOne(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.UsersWrite)
  @ApiOperation({ summary: 'Change name, email, role, active flag or reset the password' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'Email already used, or the last admin would be demoted', type: ErrorResponseDto })
  update(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserResponseDto> {
    return this.users.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.UsersWrite)
  @ApiOperation({ summary: 'Delete a user (soft delete; signs them out everywhere)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The last admin cannot be deleted', type: ErrorResponseDto })
  remove(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.users.remove(actor, id);
  }
}
