import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from 'src/common/pagination';
import { AuditAction, AuditEntityType } from '../audit.constants';

export class ListAuditLogsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', description: 'Who acted' })
  @IsOptional()
  @IsUUID()
  actor_id?: string;

  @ApiPropertyOptional({ enum: AuditEntityType, example: AuditEntityType.User })
  @IsOptional()
  @IsEnum(AuditEntityType)
  entity_type?: AuditEntityType;

  @ApiPropertyOptional({ example: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a' })
  @IsOptional()
  @IsUUID()
  entity_id?: string;

  @ApiPropertyOptional({ enum: AuditAction, example: AuditAction.LoginFailed })
  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'Inclusive lower bound (ISO 8601)' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30T23:59:59Z', description: 'Inclusive upper bound (ISO 8601)' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    example: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60',
    description: 'Super admins only: narrow to one organization (ignored for clinic admins, who always see their own)',
  })
  @IsOptional()
  @IsUUID()
  organization_id?: string;
}
