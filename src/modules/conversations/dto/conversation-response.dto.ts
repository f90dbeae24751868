import { ApiProperty } from '@nestjs/swagger';
import { ContactEntity } from 'src/modules/contacts/contact.entity';
import { ConversationContext, ConversationEntity, ConversationOwner, ConversationStatus } from '../conversation.entity';
import { MessageDirection, MessageEntity, MessageType } from '../message.entity';
import { MessageResponseDto } from './message-response.dto';

/** The list's preview of the newest message. */
export const PREVIEW_LENGTH = 120;

/** One row of the conversation list query, as Postgres returns it. */
export interface ConversationListRow {
  id: string;
  status: ConversationStatus;
  chat_id: string;
  owner_type: ConversationOwner;
  owner_user_id: string | null;
  assigned_to_id: string | null;
  session_id: string;
  contact_id: string;
  contact_name: string | null;
  contact_phone: string | null;
  last_message_at: Date | null;
  created_at: Date;
  updated_at: Date;
  preview_body: string | null;
  preview_type: MessageType | null;
  preview_direction: MessageDirection | null;
  preview_occurred_at: Date | null;
  urgent: boolean;
  unread_count: number;
}

const UNREAD_COUNT_DOC = { example: 2, description: 'Patient messages the caller has not read (at least 1 when she marked it unread)' };

export class ConversationContactSummaryDto {
  @ApiProperty({ example: '5b0c7a2e-1f3d-4c8a-9e6b-2d4f6a8c0e12' }) id!: string;
  @ApiProperty({ example: 'Maria da Silva', nullable: true, type: String }) name!: string | null;
  @ApiProperty({ example: '+5511987654321', nullable: true, type: String }) phone!: string | null;
}

export class ConversationContactDto extends ConversationContactSummaryDto {
  @ApiProperty({ example: 'maria.silva@email.com', nullable: true, type: String }) email!: string | null;
  @ApiProperty({ example: false, description: 'Blocked patients get no messages at all' }) blocked!: boolean;
  @ApiProperty({ example: false, description: 'Opted-out patients get no automated messages' }) opted_out!: boolean;

  static from(contact: ContactEntity): ConversationContactDto {
    return { id: contact.id, name: contact.name, phone: contact.phone, email: contact.email, blocked: contact.blocked, opted_out: contact.optedOut };
  }
}

export class LastMessagePreviewDto {
  @ApiProperty({ example: 'Olá! Gostaria de marcar uma consulta para amanhã de manhã, se possível.', nullable: true, type: String, maxLength: PREVIEW_LENGTH })
  body!: string | null;
  @ApiProperty({ enum: MessageType, example: MessageType.Text }) type!: MessageType;
  @ApiProperty({ enum: MessageDirection, example: MessageDirection.Inbound }) direction!: MessageDirection;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }) occurred_at!: string;
}

/** Fields every conversation answer shares. */
class ConversationBaseDto {
  @ApiProperty({ example: '7a1f3c5e-2b4d-4f6a-8c0e-1d3f5b7a9c2e' }) id!: string;
  @ApiProperty({ enum: ConversationStatus, example: ConversationStatus.WaitingSecretary }) status!: ConversationStatus;
  @ApiProperty({ example: '5511987654321@c.us', description: 'The patient’s WhatsApp chat id' }) chat_id!: string;
  @ApiProperty({ enum: ConversationOwner, example: ConversationOwner.Bot, description: 'Who answers: the bot, a human, or nobody' })
  owner_type!: ConversationOwner;
  @ApiProperty({ example: null, nullable: true, type: String }) owner_user_id!: string | null;
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', nullable: true, type: String }) assigned_to_id!: string | null;
  @ApiProperty({ example: '2c4e6a8b-0d1f-4a3c-9e5b-7d9f1b3d5a70', description: 'The clinic’s WhatsApp number' }) session_id!: string;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', nullable: true, type: String, format: 'date-time' }) last_message_at!: string | null;
  @ApiProperty({ example: '2026-11-20T09:15:00.000Z', format: 'date-time' }) created_at!: string;
  @ApiProperty({ example: '2026-11-22T12:00:00.500Z', format: 'date-time' }) updated_at!: string;
}

export class ConversationSummaryDto extends ConversationBaseDto {
  @ApiProperty({ type: ConversationContactSummaryDto }) contact!: ConversationContactSummaryDto;
  @ApiProperty({ type: LastMessagePreviewDto, nullable: true, description: `The newest message, body cut to ${PREVIEW_LENGTH} characters` })
  last_message!: LastMessagePreviewDto | null;
  @ApiProperty({ example: false, description: 'The AI saw signs of an emergency' }) urgent!: boolean;
  @ApiProperty(UNREAD_COUNT_DOC) unread_count!: number;

  static from(row: ConversationListRow): ConversationSummaryDto {
    return {
      id: row.id,
      status: row.status,
      chat_id: row.chat_id,
      owner_type: row.owner_type,
      owner_user_id: row.owner_user_id,
      assigned_to_id: row.assigned_to_id,
      session_id: row.session_id,
      contact: { id: row.contact_id, name: row.contact_name, phone: row.contact_phone },
      last_message_at: row.last_message_at?.toISOString() ?? null,
      last_message:
        row.preview_type && row.preview_direction && row.preview_occurred_at
          ? { body: row.preview_body, type: row.preview_type, direction: row.preview_direction, occurred_at: row.preview_occurred_at.toISOString() }
          : null,
      urgent: row.urgent,
      unread_count: Number(row.unread_count),
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
    };
  }
}

export class ConversationDetailDto extends ConversationBaseDto {
  @ApiProperty({ example: '2026-11-22T11:58:00.000Z', nullable: true, type: String, format: 'date-time', description: 'Opens WhatsApp’s 24-hour reply window' })
  last_inbound_at!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) human_takeover_at!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) closed_at!: string | null;
  @ApiProperty({ example: false, description: 'The AI saw signs of an emergency' }) urgent!: boolean;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) urgent_at!: string | null;
  @ApiProperty({ example: 'human_request', nullable: true, type: String, description: 'Why the bot last handed the conversation to humans' })
  handoff_reason!: string | null;
  @ApiProperty({
    description: 'What the AI gathered: patient name, procedure, preferred time, symptoms, concerns, preferences, last intent',
    example: { patientName: 'Maria', procedure: 'limpeza', preferredTime: 'sábado de manhã', symptoms: [], lastIntent: 'booking', intentType: 'scheduling' },
    type: 'object',
    additionalProperties: true,
  })
  context!: ConversationContext;
  @ApiProperty({ example: 'Maria quer agendar uma limpeza; prefere sábado de manhã.', nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ type: ConversationContactDto }) contact!: ConversationContactDto;
  @ApiProperty({ type: [MessageResponseDto], description: 'The latest messages, oldest first' }) messages!: MessageResponseDto[];
  @ApiProperty({ example: true, description: 'Older messages exist: page back with GET /conversations/{id}/messages' })
  has_more_messages!: boolean;
  @ApiProperty(UNREAD_COUNT_DOC) unread_count!: number;

  static from(conversation: ConversationEntity, contact: ContactEntity, messages: MessageEntity[], hasMore: boolean, unreadCount = 0): ConversationDetailDto {
    return {
      id: conversation.id,
      status: conversation.status,
      chat_id: conversation.chatId,
      owner_type: conversation.ownerType,
      owner_user_id: conversation.ownerUserId,
      assigned_to_id: conversation.assignedToId,
      session_id: conversation.sessionId,
      last_message_at: conversation.lastMessageAt?.toISOString() ?? null,
      last_inbound_at: conversation.lastInboundAt?.toISOString() ?? null,
      human_takeover_at: conversation.humanTakeoverAt?.toISOString() ?? null,
      closed_at: conversation.closedAt?.toISOString() ?? null,
      urgent: conversation.urgent,
      urgent_at: conversation.urgentAt?.toISOString() ?? null,
      handoff_reason: conversation.handoffReason,
      context: conversation.context,
      summary: conversation.summary,
      contact: ConversationContactDto.from(contact),
      messages: messages.map(MessageResponseDto.from),
      has_more_messages: hasMore,
      unread_count: unreadCount,
      created_at: conversation.createdAt.toISOString(),
      updated_at: conversation.updatedAt.toISOString(),
    };
  }
}
