import { ApiProperty } from '@nestjs/swagger';
import { ConversationOwner } from '../conversation.entity';
import { OwnershipChangeReason, OwnershipEventEntity } from './ownership-event.entity';

export class OwnershipEventResponseDto {
  @ApiProperty({ example: '0f6c2d3e-8a9b-4c1d-9e2f-3a4b5c6d7e8f' }) id!: string;
  @ApiProperty({ enum: ConversationOwner, example: ConversationOwner.Bot }) from_owner_type!: ConversationOwner;
  @ApiProperty({ example: null, nullable: true, type: String }) from_user_id!: string | null;
  @ApiProperty({ enum: ConversationOwner, example: ConversationOwner.Human }) to_owner_type!: ConversationOwner;
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', nullable: true, type: String }) to_user_id!: string | null;
  @ApiProperty({ enum: OwnershipChangeReason, example: OwnershipChangeReason.UserReply }) reason!: OwnershipChangeReason;
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', nullable: true, type: String, description: 'Null when the system made the change' })
  actor_user_id!: string | null;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }) created_at!: string;

  static from(event: OwnershipEventEntity): OwnershipEventResponseDto {
    return {
      id: event.id,
      from_owner_type: event.fromOwnerType,
      from_user_id: event.fromUserId,
      to_owner_type: event.toOwnerType,
      to_user_id: event.toUserId,
      reason: event.reason,
      actor_user_id: event.actorUserId,
      created_at: event.createdAt.toISOString(),
    };
  }
}

export class HandbackResponseDto {
  @ApiProperty({ example: '7a1f3c5e-2b4d-4f6a-8c0e-1d3f5b7a9c2e' }) id!: string;
  @ApiProperty({ enum: ConversationOwner, example: ConversationOwner.Bot }) owner_type!: ConversationOwner;
  @ApiProperty({ example: true, description: 'False when the bot already owned it (nothing recorded)' }) changed!: boolean;
}
