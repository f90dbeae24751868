import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NotificationEntity, NotificationPriority, NotificationType } from '../notification.entity';

export class NotificationDataDto {
  @ApiPropertyOptional({ example: '7a1f3c5e-2b4d-4f6a-8c0e-1d3f5b7a9c2e' }) conversation_id?: string;
  @ApiPropertyOptional({ example: '3e5a7c9b-1d2f-4a6c-8e0b-5f7d9b1c3e5a' }) lead_id?: string;
}

export class NotificationResponseDto {
  @ApiProperty({ example: '0f2d4b6a-8c1e-4a3f-9b5d-7e9f1a3c5b7d' }) id!: string;
  @ApiProperty({ enum: NotificationType, example: NotificationType.ConversationHandoff }) type!: NotificationType;
  @ApiProperty({ example: 'Conversa aguardando atendimento' }) title!: string;
  @ApiProperty({ example: 'O assistente transferiu uma conversa para a equipe.' }) body!: string;
  @ApiProperty({ type: NotificationDataDto, description: 'Ids of the item to open; load it through its own endpoint' })
  data!: NotificationDataDto;
  @ApiProperty({ enum: NotificationPriority, example: NotificationPriority.Normal }) priority!: NotificationPriority;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) read_at!: string | null;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }) created_at!: string;

  static from(entity: NotificationEntity): NotificationResponseDto {
    return {
      id: entity.id,
      type: entity.type,
      title: entity.title,
      body: entity.body,
      data: { ...entity.data },
      priority: entity.priority,
      read_at: entity.readAt ? entity.readAt.toISOString() : null,
      created_at: entity.createdAt.toISOString(),
    };
  }
}

export class UnreadCountResponseDto {
  @ApiProperty({ example: 3, description: 'Unread notifications of the caller' }) unread!: number;
}

export class ReadAllResponseDto {
  @ApiProperty({ example: 3, description: 'How many notifications this call marked as read' }) updated!: number;
}
