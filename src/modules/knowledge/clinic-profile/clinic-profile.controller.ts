import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { ClinicProfileService } from './clinic-profile.service';
import { UpdateClinicProfileDto } from './dto/clinic-profile-input.dto';
import { ClinicProfileResponseDto } from './dto/clinic-profile-response.dto';

@ApiTags('clinic-profile')
@Controller('clinic-profile')
export class ClinicProfileController {
  constructor(private readonly profiles: ClinicProfileService) {}

  @Get()
  @RequirePermission(Permission.KnowledgeRead)
  @ApiOperation({ summary: 'What the front desk tells patients about the clinic: contacts, hours, insurance, services' })
  @ApiOkResponse({ type: ClinicProfileResponseDto })
  get(@CurrentUser() actor: AuthUser): Promise<ClinicProfileResponseDto> {
    return this.profiles.get(actor);
  }

  @Put()
  @RequirePermission(Permission.KnowledgeManage)
  @ApiOperation({
    summary: 'Replace the clinic profile',
    description:
      'Fields left out are cleared, except `timezone`, which is the organization’s setting and stays as it is unless given. ' +
      'Times are HH:MM in the clinic’s time zone; each interval must start before it ends, intervals of one day must not overlap, ' +
      'and an interval never crosses midnight (end `24:00` = until midnight). An exception date wins over a holiday on the same date. ' +
      'Any change bumps `knowledge_version`.',
  })
  @ApiOkResponse({ type: ClinicProfileResponseDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, with one entry per bad field (dotted paths)', type: ErrorResponseDto })
  replace(@CurrentUser() actor: AuthUser, @Body() dto: UpdateClinicProfileDto): Promise<ClinicProfileResponseDto> {
    return this.profiles.replace(actor, dto);
  }
}
