import { ApiProperty } from '@nestjs/swagger';
import { AlertEntity, AlertSeverity, AlertStatus, AlertType } from '../alert.entity';

export class AlertResponseDto {
  @ApiProperty({ example: '5b7e1c2d-3a4f-4b6c-8d9e-0f1a2b3c4d5e' }) id!: string;
  @ApiProperty({ example: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60' }) organization_id!: string;
  @ApiProperty({ enum: AlertType, example: AlertType.WhatsappSessionDown }) type!: AlertType;
  @ApiProperty({ enum: AlertSeverity, example: AlertSeverity.Critical }) severity!: AlertSeverity;
  @ApiProperty({ example: 'WhatsApp number 3f9a4c1e8d2b-main is down (FAILED)' }) title!: string;
  @ApiProperty({ example: { session_name: '3f9a4c1e8d2b-main', status: 'FAILED', restart_attempts: 1 }, type: Object }) details!: Record<string, unknown>;
  @ApiProperty({ enum: AlertStatus, example: AlertStatus.Open }) status!: AlertStatus;
  @ApiProperty({ example: 3, description: 'How many times the problem was seen while open' }) occurrences!: number;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }) created_at!: string;
  @ApiProperty({ example: '2026-11-22T12:10:00.000Z', format: 'date-time' }) last_seen_at!: string;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) resolved_at!: string | null;

  static from(alert: AlertEntity): AlertResponseDto {
    return {
      id: alert.id,
      organization_id: alert.organizationId,
      type: alert.type,
      severity: alert.severity,
      title: alert.title,
      details: alert.details,
      status: alert.status,
      occurrences: alert.occurrences,
      created_at: alert.createdAt.toISOString(),
      last_seen_at: alert.lastSeenAt.toISOString(),
      resolved_at: alert.resolvedAt?.toISOString() ?? null,
    };
  }
}
