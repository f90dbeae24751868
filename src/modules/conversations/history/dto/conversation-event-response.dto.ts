import { ApiProperty } from '@nestjs/swagger';
import { ConversationEventEntity, ConversationEventKind } from '../conversation-event.entity';

export class ConversationEventResponseDto {
  @ApiProperty({ example: '3e5a7c9b-1d2f-4a6b-8c0d-2e4f6a8b0c1d' }) id!: string;
  @ApiProperty({ enum: ConversationEventKind, example: ConversationEventKind.Status }) kind!: ConversationEventKind;
  @ApiProperty({ example: 'status', description: '`status`, or the edited field: `assigned_to_id`, `tags`…' }) field!: string;
  @ApiProperty({ example: 'WAITING_SECRETARY', nullable: true, description: 'The value before (any JSON)' }) old_value!: unknown;
  @ApiProperty({ example: 'CLOSED', nullable: true, description: 'The value after (any JSON)' }) new_value!: unknown;
  @ApiProperty({ example: 'Consulta agendada para sexta às 14h', nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', nullable: true, type: String, description: 'Null when the system made the change' })
  actor_user_id!: string | null;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }) created_at!: string;

  static from(event: ConversationEventEntity): ConversationEventResponseDto {
    return {
      id: event.id,
      kind: event.kind,
      field: event.field,
      old_value: event.oldValue ?? null,
      new_value: event.newValue ?? null,
      reason: event.reason,
      actor_user_id: event.actorUserId,
      created_at: event.createdAt.toISOString(),
    };
  }
}
