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

/** Stored messages among these key ids, keyed by `${organizationId} ${sessionId} ${keyId}`. */
export async function findByKeyIds(
  manager: EntityManager,
  keys: { organizationId: string; sessionId: string; keyId: string }[],
): Promise<Map<string, { id: string; contactId: string }>> {
  const found = new Map<string, { id: string; contactId: string }>();
  if (keys.length === 0) return found;
  const rows: { id: string; contact_id: string; organization_id: string; session_id: string; waha_key_id: string }[] = await manager.query(
    `SELECT m.id, c.contact_id, m.organization_id, m.session_id, m.waha_key_id
     FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) AS k(o, s, key_id)
     JOIN messages m ON m.organization_id = k.o AND m.session_id = k.s AND m.waha_key_id = k.key_id AND m.waha_key_id IS NOT NULL
     JOIN conversations c ON c.id = m.conversation_id`,
    [keys.map((k) => k.organizationId), keys.map((k) => k.sessionId), keys.map((k) => k.keyId)],
  );
  for (const row of rows) found.set(`${row.organization_id} ${row.session_id} ${row.waha_key_id}`, { id: row.id, contactId: row.contact_id });
  return found;
}

/** Inbound patient messages in one INSERT; returns the new ids keyed by `${organizationId} ${sessionId} ${keyId}`. */
export async function insertPatientMessages(
  manager: EntityManager,
  rows: { organizationId: string; sessionId: string; conversationId: string; message: MappedMessage }[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (rows.length === 0) return ids;
  const col = <T>(pick: (row: (typeof rows)[number]) => T): T[] => rows.map(pick);
  const result: { id: string; organization_id: string; session_id: string; waha_key_id: string }[] = await manager.query(
    `INSERT INTO messages (organization_id, conversation_id, session_id, direction, type, sender, body, waha_message_id, waha_key_id,
                           status, ack, reply_to_waha_id, occurred_at, location, vcards, media_status, media_mimetype,
                           media_filename, media_source_url, media_error)
     SELECT o, conv, s, '${MessageDirection.Inbound}', ty, '${MessageSender.Patient}', b, wm, wk, '${MessageStatus.Received}', a, r, at,
            loc::jsonb, vc::jsonb, ms, mm, mf, mu, me
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::text[], $6::varchar[], $7::varchar[], $8::smallint[],
                 $9::varchar[], $10::timestamptz[], $11::text[], $12::text[], $13::varchar[], $14::varchar[], $15::varchar[], $16::text[], $17::varchar[])
          AS t(o, conv, s, ty, b, wm, wk, a, r, at, loc, vc, ms, mm, mf, mu, me)
     ON CONFLICT (organization_id, session_id, waha_key_id) WHERE waha_key_id IS NOT NULL DO NOTHING
     RETURNING id, organization_id, session_id, waha_key_id`,
    [
      col((r) => r.organizationId),
      col((r) => r.conversationId),
      col((r) => r.sessionId),
      col((r) => r.message.type),
      col((r) => r.message.body),
      col((r) => r.message.wahaMessageId),
      col((r) => r.message.wahaKeyId),
      col((r) => r.message.ack),
      col((r) => r.message.replyToWahaId),
      col((r) => r.message.occurredAt),
      col((r) => (r.message.location ? JSON.stringify(r.message.location) : null)),
      col((r) => (r.message.vcards ? JSON.stringify(r.message.vcards) : null)),
      col((r) => r.message.media?.status ?? null),
      col((r) => r.message.media?.mimetype ?? null),
      col((r) => r.message.media?.filename ?? null),
      col((r) => r.message.media?.sourceUrl ?? null),
      col((r) => r.message.media?.error ?? null),
    ],
  );
  for (const row of result) ids.set(`${row.organization_id} ${row.session_id} ${row.waha_key_id}`, row.id);
  return ids;
}
