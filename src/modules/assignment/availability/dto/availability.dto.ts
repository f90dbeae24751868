import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import { WeekdayHoursDto } from 'src/modules/knowledge/clinic-profile/dto/business-hours.dto';
import { byKey } from 'src/modules/knowledge/clinic-profile/dto/profile-validators';
import { WeekdayHours } from 'src/modules/knowledge/business-hours';
import { SecretaryAvailabilityEntity } from '../secretary-availability.entity';

const WORKING_HOURS_EXAMPLE = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, intervals: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '18:00' }] }));

export class UpdateAvailabilityDto {
  @ApiProperty({ example: true, description: 'Whether she takes new conversations and leads now' })
  @IsBoolean()
  available!: boolean;

  @ApiPropertyOptional({
    type: [WeekdayHoursDto],
    nullable: true,
    example: WORKING_HOURS_EXAMPLE,
    description:
      'Weekly working hours in the organization’s time zone (a weekday left out = not working). Null = no limit ' +
      'beyond `available`; omitted = unchanged.',
  })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsArray()
  @ArrayMaxSize(7)
  @ArrayUnique(byKey('weekday'), { message: 'working_hours must list each weekday at most once' })
  @ValidateNested({ each: true })
  @Type(() => WeekdayHoursDto)
  working_hours?: WeekdayHoursDto[] | null;
}

export class AvailabilityResponseDto {
  @ApiProperty({ example: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' }) user_id!: string;
  @ApiProperty({ example: true }) available!: boolean;
  @ApiProperty({ type: [WeekdayHoursDto], nullable: true, example: WORKING_HOURS_EXAMPLE }) working_hours!: WeekdayHours[] | null;
  @ApiProperty({ example: 'America/Sao_Paulo', description: 'The organization’s time zone, in which working hours are read' }) timezone!: string;
  @ApiProperty({ example: true, description: 'Whether now falls inside her working hours (always true without hours)' }) within_working_hours!: boolean;
  @ApiProperty({ example: true, description: 'Whether the engine may give her new items now: active secretary, available, within hours' })
  eligible!: boolean;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', nullable: true, type: String, format: 'date-time' }) last_assigned_at!: string | null;

  static from(
    userId: string,
    row: SecretaryAvailabilityEntity | null,
    facts: { timezone: string; withinWorkingHours: boolean; eligible: boolean },
  ): AvailabilityResponseDto {
    return {
      user_id: userId,
      available: row?.available ?? false,
      working_hours: row?.workingHours ?? null,
      timezone: facts.timezone,
      within_working_hours: facts.withinWorkingHours,
      eligible: facts.eligible,
      last_assigned_at: row?.lastAssignedAt?.toISOString() ?? null,
    };
  }
}
