import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { trimString } from 'src/common/validation/transforms';
import { IsEnum, IsIn, IsOptional, IsString, IsTimeZone, Length } from 'class-validator';
import { SortablePageQueryDto } from 'src/common/pagination';
import { OrganizationStatus, SUPPORTED_LOCALES } from '../organization.entity';
import { PlanCode } from '../plan.entity';
import { UpdateMyOrganizationDto } from './organization-settings.dto';

/** Organization fields a super admin sets on creation. */
export class NewOrganizationDto {
  @ApiProperty({ example: 'Clínica Sorriso', minLength: 2, maxLength: 120 })
  @Transform(trimString)
  @IsString()
  @Length(2, 120)
  name!: string;

  @ApiPropertyOptional({ enum: PlanCode, example: PlanCode.Starter, default: PlanCode.Free })
  @IsOptional()
  @IsEnum(PlanCode)
  plan?: PlanCode;

  @ApiPropertyOptional({ example: 'America/Sao_Paulo', default: 'America/Sao_Paulo' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ example: 'pt-BR', enum: SUPPORTED_LOCALES, default: 'pt-BR' })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: string;
}

export class UpdateOrganizationDto extends UpdateMyOrganizationDto {
  @ApiPropertyOptional({ enum: PlanCode, example: PlanCode.Professional })
  @IsOptional()
  @IsEnum(PlanCode)
  plan?: PlanCode;
}

export class SuspendOrganizationDto {
  @ApiProperty({ example: 'Payment overdue since 2026-10-01', minLength: 3, maxLength: 500 })
  @Transform(trimString)
  @IsString()
  @Length(3, 500)
  reason!: string;
}

export const ORGANIZATION_SORT_FIELDS = ['created_at', 'name'] as const;

export class ListOrganizationsQueryDto extends SortablePageQueryDto(ORGANIZATION_SORT_FIELDS, 'created_at') {
  @ApiPropertyOptional({ enum: OrganizationStatus, example: OrganizationStatus.Active })
  @IsOptional()
  @IsEnum(OrganizationStatus)
  status?: OrganizationStatus;

  @ApiPropertyOptional({ enum: PlanCode, example: PlanCode.Free })
  @IsOptional()
  @IsEnum(PlanCode)
  plan?: PlanCode;

  @ApiPropertyOptional({ example: 'sorriso', description: 'Case-insensitive match on the name' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  search?: string;
}
