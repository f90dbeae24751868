import { ApiProperty } from '@nestjs/swagger';
import { LeadHistoryEntity } from '../lead-history.entity';
import { LeadInteractionEntity } from '../lead-interaction.entity';
import { LeadField, LeadInteractionType } from '../leads.constants';

export class LeadInteractionDto {
  @ApiProperty({ example: '3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d' }) id!: string;
  @ApiProperty({ enum: LeadInteractionType, example: LeadInteractionType.Call, description: 'SYSTEM entries record changes to the lead' })
  type!: LeadInteractionType;
  @ApiProperty({ example: 'Liguei e a paciente pediu retorno na sexta.' }) body!: string;
  @ApiProperty({ example: '2026-11-22T14:30:00.000Z', format: 'date-time' }) occurred_at!: string;
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', nullable: true, type: String, description: 'Null when the system acted' })
  author_id!: string | null;
  @ApiProperty({ example: '2026-11-22T14:31:00.000Z', format: 'date-time' }) created_at!: string;

  static from(entry: LeadInteractionEntity): LeadInteractionDto {
    return {
      id: entry.id,
      type: entry.type,
      body: entry.body,
      occurred_at: entry.occurredAt.toISOString(),
      author_id: entry.authorId,
      created_at: entry.createdAt.toISOString(),
    };
  }
}

export class LeadHistoryItemDto {
  @ApiProperty({ example: '5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f8a' }) id!: string;
  @ApiProperty({ enum: LeadField, example: LeadField.Status }) field!: string;
  @ApiProperty({ example: 'READY', nullable: true, description: 'Dates as ISO 8601 strings' }) old_value!: unknown;
  @ApiProperty({ example: 'SCHEDULED', nullable: true }) new_value!: unknown;
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', nullable: true, type: String, description: 'Null when the system acted' })
  actor_user_id!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ example: '2026-11-22T14:31:00.000Z', format: 'date-time' }) created_at!: string;

  static from(entry: LeadHistoryEntity): LeadHistoryItemDto {
    return {
      id: entry.id,
      field: entry.field,
      old_value: entry.oldValue ?? null,
      new_value: entry.newValue ?? null,
      actor_user_id: entry.actorUserId,
      reason: entry.reason,
      created_at: entry.createdAt.toISOString(),
    };
  }
}
