import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { SortablePageQueryDto } from 'src/common/pagination';
import { AlertSeverity, AlertStatus, AlertType } from '../alert.entity';

export const ALERT_SORT_FIELDS = ['created_at', 'last_seen_at'] as const;

export class ListAlertsQueryDto extends SortablePageQueryDto(ALERT_SORT_FIELDS, 'created_at') {
  @ApiPropertyOptional({ enum: AlertStatus, example: AlertStatus.Open })
  @IsOptional()
  @IsEnum(AlertStatus)
  status?: AlertStatus;

  @ApiPropertyOptional({ enum: AlertType, example: AlertType.WhatsappSessionDown })
  @IsOptional()
  @IsEnum(AlertType)
  type?: AlertType;

  @ApiPropertyOptional({ enum: AlertSeverity, example: AlertSeverity.Critical })
  @IsOptional()
  @IsEnum(AlertSeverity)
  severity?: AlertSeverity;

  @ApiPropertyOptional({
    example: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60',
    description: 'Super admins only: narrow to one organization (ignored for clinic admins, who always see their own)',
  })
  @IsOptional()
  @IsUUID()
  organization_id?: string;
}
