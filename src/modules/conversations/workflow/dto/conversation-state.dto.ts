import { ApiProperty } from '@nestjs/swagger';
import { ConversationEntity, ConversationOwner, ConversationStatus } from '../../conversation.entity';

/** A conversation's workflow state after a status or assignment change. */
export class ConversationStateDto {
  @ApiProperty({ example: '7a1f3c5e-2b4d-4f6a-8c0e-1d3f5b7a9c2e' }) id!: string;
  @ApiProperty({ enum: ConversationStatus, example: ConversationStatus.Transferred }) status!: ConversationStatus;
  @ApiProperty({ enum: ConversationOwner, example: ConversationOwner.Human }) owner_type!: ConversationOwner;
  @ApiProperty({ example: null, nullable: true, type: String }) owner_user_id!: string | null;
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', nullable: true, type: String }) assigned_to_id!: string | null;
  @ApiProperty({ example: false }) urgent!: boolean;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) closed_at!: string | null;
  @ApiProperty({ example: '2026-11-22T12:00:00.500Z', format: 'date-time' }) updated_at!: string;
  @ApiProperty({ example: true, description: 'False when the conversation already was in the requested state (nothing recorded)' })
  changed!: boolean;

  static from(conversation: ConversationEntity, changed: boolean): ConversationStateDto {
    return {
      id: conversation.id,
      status: conversation.status,
      owner_type: conversation.ownerType,
      owner_user_id: conversation.ownerUserId,
      assigned_to_id: conversation.assignedToId,
      urgent: conversation.urgent,
      closed_at: conversation.closedAt?.toISOString() ?? null,
      updated_at: conversation.updatedAt.toISOString(),
      changed,
    };
  }
}
