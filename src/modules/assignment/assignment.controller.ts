import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { AvailabilityService } from './availability/availability.service';
import { AvailabilityResponseDto, UpdateAvailabilityDto } from './availability/dto/availability.dto';
import { AssignmentSettingsService } from './settings/assignment-settings.service';
import { AssignmentSettingsResponseDto, UpdateAssignmentSettingsDto } from './settings/dto/assignment-settings.dto';

const NOT_A_SECRETARY = 'ASSIGNMENT_NOT_A_SECRETARY: only secretaries take part in automatic assignment';

@ApiTags('assignment')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@Controller('assignment')
export class AssignmentController {
  constructor(
    private readonly availability: AvailabilityService,
    private readonly settings: AssignmentSettingsService,
  ) {}

  // The caller's own switch, like her profile: every clinic user may read it; only secretaries may set it.
  @Get('me/availability')
  @RequirePermission(Permission.ProfileRead)
  @ApiOperation({ summary: 'The caller’s availability for automatic assignment' })
  @ApiOkResponse({ type: AvailabilityResponseDto })
  getMine(@CurrentUser() actor: AuthUser): Promise<AvailabilityResponseDto> {
    return this.availability.get(actor, actor.userId);
  }

  @Put('me/availability')
  @RequirePermission(Permission.ProfileWrite)
  @ApiOperation({ summary: 'Mark oneself available or not and set one’s working hours; waiting items are then assigned' })
  @ApiOkResponse({ type: AvailabilityResponseDto })
  @ApiUnprocessableEntityResponse({ description: NOT_A_SECRETARY, type: ErrorResponseDto })
  setMine(@CurrentUser() actor: AuthUser, @Body() dto: UpdateAvailabilityDto): Promise<AvailabilityResponseDto> {
    return this.availability.set(actor, actor.userId, dto);
  }

  @Get('users/:id/availability')
  @RequirePermission(Permission.AssignmentManage)
  @ApiOperation({ summary: 'A user’s availability (admins)' })
  @ApiOkResponse({ type: AvailabilityResponseDto })
  @ApiNotFoundResponse({ description: 'ASSIGNMENT_USER_NOT_FOUND', type: ErrorResponseDto })
  getFor(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<AvailabilityResponseDto> {
    return this.availability.get(actor, id);
  }

  @Put('users/:id/availability')
  @RequirePermission(Permission.AssignmentManage)
  @ApiOperation({ summary: 'Set a secretary’s availability and working hours (admins)' })
  @ApiOkResponse({ type: AvailabilityResponseDto })
  @ApiNotFoundResponse({ description: 'ASSIGNMENT_USER_NOT_FOUND', type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ description: NOT_A_SECRETARY, type: ErrorResponseDto })
  setFor(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: UpdateAvailabilityDto): Promise<AvailabilityResponseDto> {
    return this.availability.set(actor, id, dto);
  }

  @Get('settings')
  @RequirePermission(Permission.AssignmentManage)
  @ApiOperation({ summary: 'The organization’s assignment rule' })
  @ApiOkResponse({ type: AssignmentSettingsResponseDto })
  getSettings(@CurrentUser() actor: AuthUser): Promise<AssignmentSettingsResponseDto> {
    return this.settings.get(actor);
  }

  @Put('settings')
  @RequirePermission(Permission.AssignmentManage)
  @ApiOperation({ summary: 'Choose round robin or least open load' })
  @ApiOkResponse({ type: AssignmentSettingsResponseDto })
  updateSettings(@CurrentUser() actor: AuthUser, @Body() dto: UpdateAssignmentSettingsDto): Promise<AssignmentSettingsResponseDto> {
    return this.settings.update(actor, dto);
  }
}
