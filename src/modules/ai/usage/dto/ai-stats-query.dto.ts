import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, Matches } from 'class-validator';
import { STATS_DATE_PATTERN } from '../stats-range';

const DATE_MESSAGE = (field: string): string => `${field} must be a date (YYYY-MM-DD) or an ISO 8601 date-time`;

export class AiStatsQueryDto {
  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'Start of the window: a date (from local midnight in the organization’s time zone) or an ISO 8601 date-time. Default: 30 days before end_date',
  })
  @IsOptional()
  @Matches(STATS_DATE_PATTERN, { message: DATE_MESSAGE('start_date') })
  @IsDateString({ strict: true }, { message: DATE_MESSAGE('start_date') })
  start_date?: string;

  @ApiPropertyOptional({
    example: '2026-11-30',
    description: 'End of the window: a date (the whole local day is included) or an ISO 8601 date-time. Default: now',
  })
  @IsOptional()
  @Matches(STATS_DATE_PATTERN, { message: DATE_MESSAGE('end_date') })
  @IsDateString({ strict: true }, { message: DATE_MESSAGE('end_date') })
  end_date?: string;
}
