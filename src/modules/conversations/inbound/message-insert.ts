import { EntityManager } from 'typeorm';
import { MessageDirection, MessageSender, MessageStatus } from '../message.entity';
import { MappedMessage } from './waha-message.mapper';

/** WAHA's ack numbers to our delivery statuses. */
export const ACK_STATUS: Record<number, MessageStatus> = {
  [-1]: MessageStatus.Failed,
  0: MessageStatus.Pending,
  1: MessageStatus.Sent,
  2: MessageStatus.Delivered,
  3: MessageStatus.Read,
  4: MessageStatus.Played,
};

export interface NewWahaMessage {
  organizationId: string;
  conversationId: string;
  sessionId: string;
  direction: MessageDirection;
  sender: MessageSender;
  status: MessageStatus;
  message: MappedMessage;
}

/** Inserts a message WhatsApp told us about; null when its key id is already stored (a duplicate delivery). */
export async function insertWahaMessage(manager: EntityManager, row: NewWahaMessage): Promise<string | null> {
  const { message, direction } = row;
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO messages (organization_id, conversation_id, session_id, direction, type, sender, body, waha_message_id, waha_key_id,
                           status, ack, reply_to_waha_id, occurred_at, location, vcards, media_status, media_mimetype,
                           media_filename, media_source_url, media_error, sent_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
     ON CONFLICT (organization_id, session_id, waha_key_id) WHERE waha_key_id IS NOT NULL DO NOTHING
     RETURNING id`,
    [
      row.organizationId,
      row.conversationId,
      row.sessionId,
      direction,
      message.type,
      row.sender,
      message.body,
      message.wahaMessageId,
      message.wahaKeyId,
      row.status,
      message.ack,
      message.replyToWahaId,
      message.occurredAt,
      message.location ? JSON.stringify(message.location) : null,
      message.vcards ? JSON.stringify(message.vcards) : null,
      message.media?.status ?? null,
      message.media?.mimetype ?? null,
      message.media?.filename ?? null,
      message.media?.sourceUrl ?? null,
      message.media?.error ?? null,
      direction === MessageDirection.Outbound ? message.occurredAt : null,
    ],
  );
  return rows[0]?.id ?? null;
}

/** The stored message with this WhatsApp key id on this number, and its conversation's contact. */
export async function findByKeyId(
  manager: EntityManager,
  organizationId: string,
  sessionId: string,
  keyId: string,
): Promise<{ id: string; contactId: string; direction: MessageDirection } | null> {
  const rows: { id: string; contact_id: string; direction: MessageDirection }[] = await manager.query(
    `SELECT m.id, c.contact_id, m.direction FROM messages m JOIN conversations c ON c.id = m.conversation_id
     WHERE m.organization_id = $1 AND m.session_id = $2 AND m.waha_key_id = $3`,
    [organizationId, sessionId, keyId],
  );
  return rows[0] ? { id: rows[0].id, contactId: rows[0].contact_id, direction: rows[0].direction } : null;
}
