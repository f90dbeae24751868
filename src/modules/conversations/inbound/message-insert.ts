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

export interface KeyIdRef {
  organizationId: string;
  sessionId: string;
  keyId: string;
}

/** How the set-based helpers key their answers: one WhatsApp message on one number. */
export function keyIdKey(ref: KeyIdRef): string {
  return `${ref.organizationId} ${ref.sessionId} ${ref.keyId}`;
}

/** Inserts a message WhatsApp told us about; null when its key id is already stored (a duplicate delivery). */
export async function insertWahaMessage(manager: EntityManager, row: NewWahaMessage): Promise<string | null> {
  const ids = await insertWahaMessages(manager, [row]);
  return ids.get(keyIdKey({ ...row, keyId: row.message.wahaKeyId })) ?? null;
}

/** Messages WhatsApp told us about in one INSERT; the new ids keyed by `keyIdKey` (duplicates are skipped). */
export async function insertWahaMessages(manager: EntityManager, rows: NewWahaMessage[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (rows.length === 0) return ids;
  const col = <T>(pick: (row: NewWahaMessage) => T): T[] => rows.map(pick);
  const result: { id: string; organization_id: string; session_id: string; waha_key_id: string }[] = await manager.query(
    `INSERT INTO messages (organization_id, conversation_id, session_id, direction, type, sender, body, waha_message_id, waha_key_id,
                           status, ack, reply_to_waha_id, occurred_at, location, vcards, media_status, media_mimetype,
                           media_filename, media_source_url, media_error, sent_at)
     SELECT o, conv, s, d, ty, snd, b, wm, wk, st, a, r, at, loc::jsonb, vc::jsonb, ms, mm, mf, mu, me,
            CASE WHEN d = '${MessageDirection.Outbound}' THEN at END
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::text[], $6::varchar[], $7::varchar[], $8::smallint[],
                 $9::varchar[], $10::timestamptz[], $11::text[], $12::text[], $13::varchar[], $14::varchar[], $15::varchar[], $16::text[],
                 $17::varchar[], $18::varchar[], $19::varchar[], $20::varchar[])
          AS t(o, conv, s, ty, b, wm, wk, a, r, at, loc, vc, ms, mm, mf, mu, me, d, snd, st)
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
      col((r) => r.direction),
      col((r) => r.sender),
      col((r) => r.status),
    ],
  );
  for (const row of result) ids.set(keyIdKey({ organizationId: row.organization_id, sessionId: row.session_id, keyId: row.waha_key_id }), row.id);
  return ids;
}

/** The stored message with this WhatsApp key id on this number, and its conversation's contact. */
export async function findByKeyId(manager: EntityManager, ref: KeyIdRef): Promise<{ id: string; contactId: string } | null> {
  return (await findByKeyIds(manager, [ref])).get(keyIdKey(ref)) ?? null;
}

/** Stored messages among these key ids, keyed by `keyIdKey`. */
export async function findByKeyIds(manager: EntityManager, refs: KeyIdRef[]): Promise<Map<string, { id: string; contactId: string }>> {
  const found = new Map<string, { id: string; contactId: string }>();
  if (refs.length === 0) return found;
  const rows: { id: string; contact_id: string; organization_id: string; session_id: string; waha_key_id: string }[] = await manager.query(
    `SELECT m.id, c.contact_id, m.organization_id, m.session_id, m.waha_key_id
     FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) AS k(o, s, key_id)
     JOIN messages m ON m.organization_id = k.o AND m.session_id = k.s AND m.waha_key_id = k.key_id AND m.waha_key_id IS NOT NULL
     JOIN conversations c ON c.id = m.conversation_id`,
    [refs.map((k) => k.organizationId), refs.map((k) => k.sessionId), refs.map((k) => k.keyId)],
  );
  for (const row of rows) {
    found.set(keyIdKey({ organizationId: row.organization_id, sessionId: row.session_id, keyId: row.waha_key_id }), { id: row.id, contactId: row.contact_id });
  }
  return found;
}
