import { ApiProperty } from '@nestjs/swagger';
import { MediaStatus, MessageDirection, MessageEntity, MessageLocation, MessageSender, MessageStatus, MessageType } from '../message.entity';

export class MessageLocationDto {
  @ApiProperty({ example: -23.5614 }) latitude!: number;
  @ApiProperty({ example: -46.6559 }) longitude!: number;
  @ApiProperty({ example: 'Clínica Exemplo', nullable: true, type: String }) name!: string | null;
  @ApiProperty({ example: 'Av. Paulista, 1000 - São Paulo', nullable: true, type: String }) address!: string | null;
}

export class MessageMediaDto {
  @ApiProperty({ enum: MediaStatus, example: MediaStatus.Stored, description: 'pending until the file is copied into our storage' })
  status!: MediaStatus | null;
  @ApiProperty({ example: 'image/jpeg', nullable: true, type: String }) mimetype!: string | null;
  @ApiProperty({ example: 'exame.jpg', nullable: true, type: String }) filename!: string | null;
  @ApiProperty({ example: 48213, nullable: true, type: Number, description: 'Bytes, once stored' }) size!: number | null;
  @ApiProperty({
    example: '/api/v1/messages/1b7e4c2a-9d3f-4e8b-a6c5-0f2e4d6b8a13/media',
    nullable: true,
    type: String,
    description: 'Where to download the file (same bearer token); null until it is stored',
  })
  url!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Why the file was rejected or could not be fetched' })
  error!: string | null;
}

export class MessageResponseDto {
  @ApiProperty({ example: '1b7e4c2a-9d3f-4e8b-a6c5-0f2e4d6b8a13' }) id!: string;
  @ApiProperty({ example: '7a1f3c5e-2b4d-4f6a-8c0e-1d3f5b7a9c2e' }) conversation_id!: string;
  @ApiProperty({ enum: MessageDirection, example: MessageDirection.Inbound }) direction!: MessageDirection;
  @ApiProperty({ enum: MessageType, example: MessageType.Text }) type!: MessageType;
  @ApiProperty({ enum: MessageSender, example: MessageSender.Patient }) sender!: MessageSender;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'The user who sent it through the API' })
  sent_by_user_id!: string | null;
  @ApiProperty({ example: false, description: 'Written by the bot' }) automated!: boolean;
  @ApiProperty({ example: 'Olá! Gostaria de marcar uma consulta.', nullable: true, type: String, description: 'Text, or the media caption' })
  body!: string | null;
  @ApiProperty({ enum: MessageStatus, example: MessageStatus.Received }) status!: MessageStatus;
  @ApiProperty({ example: null, nullable: true, type: Number, description: 'Highest WhatsApp ack seen (outbound)' }) ack!: number | null;
  @ApiProperty({ example: null, nullable: true, type: String }) failure_reason!: string | null;
  @ApiProperty({ example: 'false_5511987654321@c.us_3EB0C767D26A1D3F5A62', nullable: true, type: String }) waha_message_id!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'WhatsApp id of the message this one quotes' })
  reply_to_waha_id!: string | null;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', format: 'date-time', description: 'The history order' }) occurred_at!: string;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) sent_at!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time', description: 'Deleted for everyone on WhatsApp' })
  revoked_at!: string | null;
  @ApiProperty({ type: MessageLocationDto, nullable: true, example: null }) location!: MessageLocation | null;
  @ApiProperty({ type: [String], nullable: true, example: null, description: 'vCards of shared contacts' }) vcards!: string[] | null;
  @ApiProperty({ type: MessageMediaDto, nullable: true, example: null }) media!: MessageMediaDto | null;
  @ApiProperty({ example: '2026-11-22T12:00:00.250Z', format: 'date-time' }) created_at!: string;

  static from(message: MessageEntity): MessageResponseDto {
    return {
      id: message.id,
      conversation_id: message.conversationId,
      direction: message.direction,
      type: message.type,
      sender: message.sender,
      sent_by_user_id: message.sentByUserId,
      automated: message.automated,
      body: message.body,
      status: message.status,
      ack: message.ack,
      failure_reason: message.failureReason,
      waha_message_id: message.wahaMessageId,
      reply_to_waha_id: message.replyToWahaId,
      occurred_at: message.occurredAt.toISOString(),
      sent_at: message.sentAt?.toISOString() ?? null,
      revoked_at: message.revokedAt?.toISOString() ?? null,
      location: message.location,
      vcards: message.vcards,
      media: mediaOf(message),
      created_at: message.createdAt.toISOString(),
    };
  }
}

/** Served by MessagesController under the global `/api/v1` prefix. */
export function mediaUrlOf(messageId: string): string {
  return `/api/v1/messages/${messageId}/media`;
}

function mediaOf(message: MessageEntity): MessageMediaDto | null {
  if (message.mediaStatus === null && message.mediaMimetype === null) return null;
  return {
    status: message.mediaStatus,
    mimetype: message.mediaMimetype,
    filename: message.mediaFilename,
    size: message.mediaSize,
    url: message.mediaStatus === MediaStatus.Stored ? mediaUrlOf(message.id) : null,
    error: message.mediaError,
  };
}
