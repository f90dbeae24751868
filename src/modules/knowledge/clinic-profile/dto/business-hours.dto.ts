import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { trimString } from 'src/common/validation/transforms';
import { byKey, HH_MM_OR_MIDNIGHT_PATTERN, HH_MM_PATTERN, IsCalendarDate, IsDayIntervals } from './profile-validators';

const MAX_INTERVALS_PER_DAY = 6;

export class TimeIntervalDto {
  @ApiProperty({ example: '08:00', description: 'HH:MM, 24-hour clock, clinic time zone' })
  @Matches(HH_MM_PATTERN, { message: 'start must be a time as HH:MM (00:00–23:59)' })
  start!: string;

  @ApiProperty({ example: '12:00', description: 'HH:MM after start; 24:00 = until midnight. Intervals never cross midnight.' })
  @Matches(HH_MM_OR_MIDNIGHT_PATTERN, { message: 'end must be a time as HH:MM (00:01–24:00)' })
  end!: string;
}

/** A day's intervals: at most six, each well-formed, none overlapping. */
const DayIntervals = (): PropertyDecorator =>
  applyDecorators(IsArray(), ArrayMaxSize(MAX_INTERVALS_PER_DAY), ValidateNested({ each: true }), Type(() => TimeIntervalDto), IsDayIntervals());

export class WeekdayHoursDto {
  @ApiProperty({ example: 1, minimum: 0, maximum: 6, description: '0 = Sunday, 1 = Monday … 6 = Saturday' })
  @IsInt()
  @Min(0)
  @Max(6)
  weekday!: number;

  @ApiProperty({ type: [TimeIntervalDto], example: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '19:00' }], description: 'Empty = closed' })
  @DayIntervals()
  intervals!: TimeIntervalDto[];
}

export class DateExceptionDto {
  @ApiProperty({ example: '2026-12-24', format: 'date' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ type: [TimeIntervalDto], example: [{ start: '08:00', end: '12:00' }], description: 'The hours of that date; empty = closed all day' })
  @DayIntervals()
  intervals!: TimeIntervalDto[];

  @ApiPropertyOptional({ example: 'Véspera de Natal', nullable: true, type: String, maxLength: 120 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 120)
  reason?: string | null;
}

export class HolidayDto {
  @ApiProperty({ example: '2026-12-25', format: 'date' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: 'Natal', maxLength: 120 })
  @Transform(trimString)
  @IsString()
  @Length(1, 120)
  name!: string;
}

export class BusinessHoursDto {
  @ApiProperty({ type: [WeekdayHoursDto], description: 'Regular hours; a weekday left out is closed' })
  @IsArray()
  @ArrayMaxSize(7)
  @ArrayUnique(byKey('weekday'), { message: 'weekly must list each weekday at most once' })
  @ValidateNested({ each: true })
  @Type(() => WeekdayHoursDto)
  weekly!: WeekdayHoursDto[];

  @ApiPropertyOptional({ type: [DateExceptionDto], default: [], description: 'Dates with their own hours; they win over holidays and weekly hours' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @ArrayUnique(byKey('date'), { message: 'exceptions must list each date at most once' })
  @ValidateNested({ each: true })
  @Type(() => DateExceptionDto)
  exceptions?: DateExceptionDto[];

  @ApiPropertyOptional({ type: [HolidayDto], default: [], description: 'Closed dates' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique(byKey('date'), { message: 'holidays must list each date at most once' })
  @ValidateNested({ each: true })
  @Type(() => HolidayDto)
  holidays?: HolidayDto[];
}
