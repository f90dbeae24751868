import { ApiProperty } from '@nestjs/swagger';
import { PlanCode, PlanEntity } from '../plan.entity';

export class PlanLimitsDto {
  @ApiProperty({ example: 5, nullable: true, description: 'null = unlimited' }) max_users!: number | null;
  @ApiProperty({ example: 1, nullable: true }) max_whatsapp_numbers!: number | null;
  @ApiProperty({ example: 3000, nullable: true }) monthly_inbound_messages!: number | null;
  @ApiProperty({ example: 1000000, nullable: true }) monthly_ai_tokens!: number | null;

  static from(plan: PlanEntity): PlanLimitsDto {
    return {
      max_users: plan.maxUsers,
      max_whatsapp_numbers: plan.maxWhatsappNumbers,
      monthly_inbound_messages: plan.monthlyInboundMessages,
      monthly_ai_tokens: plan.monthlyAiTokens,
    };
  }
}

export class PlanResponseDto {
  @ApiProperty({ enum: PlanCode, example: PlanCode.Starter }) code!: PlanCode;
  @ApiProperty({ example: 'Starter' }) name!: string;
  @ApiProperty({ type: PlanLimitsDto }) limits!: PlanLimitsDto;

  static from(plan: PlanEntity): PlanResponseDto {
    return { code: plan.code, name: plan.name, limits: PlanLimitsDto.from(plan) };
  }
}
