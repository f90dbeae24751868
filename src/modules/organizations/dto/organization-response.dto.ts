import { ApiProperty } from '@nestjs/swagger';
import { OrganizationEntity, OrganizationStatus } from '../organization.entity';
import { PlanCode, PlanEntity } from '../plan.entity';
import { PlanLimitsDto } from './plan-response.dto';

export class OrganizationResponseDto {
  @ApiProperty({ example: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60' }) id!: string;
  @ApiProperty({ example: 'Clínica Exemplo' }) name!: string;
  @ApiProperty({ enum: PlanCode, example: PlanCode.Professional }) plan!: PlanCode;
  @ApiProperty({ type: PlanLimitsDto }) limits!: PlanLimitsDto;
  @ApiProperty({ enum: OrganizationStatus, example: OrganizationStatus.Active }) status!: OrganizationStatus;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) suspended_at!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) suspension_reason!: string | null;
  @ApiProperty({ example: 'America/Sao_Paulo' }) timezone!: string;
  @ApiProperty({ example: 'pt-BR' }) locale!: string;
  @ApiProperty({ example: null, nullable: true, type: Number, description: 'null = deployment default' })
  whatsapp_send_rate_per_minute!: number | null;
  @ApiProperty({ example: null, nullable: true, type: Number, description: 'null = deployment default' })
  whatsapp_min_chat_gap_ms!: number | null;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }) created_at!: string;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }) updated_at!: string;

  static from(org: OrganizationEntity, plan: PlanEntity): OrganizationResponseDto {
    return {
      id: org.id,
      name: org.name,
      plan: org.plan,
      limits: PlanLimitsDto.from(plan),
      status: org.status,
      suspended_at: org.suspendedAt?.toISOString() ?? null,
      suspension_reason: org.suspensionReason,
      timezone: org.timezone,
      locale: org.locale,
      whatsapp_send_rate_per_minute: org.whatsappSendRatePerMinute,
      whatsapp_min_chat_gap_ms: org.whatsappMinChatGapMs,
      created_at: org.createdAt.toISOString(),
      updated_at: org.updatedAt.toISOString(),
    };
  }
}
