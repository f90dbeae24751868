import { EntityManager } from 'typeorm';

export interface UpsertedConversation {
  id: string;
  created: boolean;
}

/**
 * The open conversation between a contact and one of the clinic's numbers, created when there is none
 * (a closed one is history: the partial unique index only covers conversations that are not CLOSED).
 * `last_message_at` only moves forward, as messages can be processed out of order.
 */
export async function upsertOpenConversation(
  manager: EntityManager,
  input: { organizationId: string; contactId: string; sessionId: string; chatId: string; at: Date; inbound: boolean },
): Promise<UpsertedConversation> {
  const rows: { id: string; created: boolean }[] = await manager.query(
    `INSERT INTO conversations (organization_id, contact_id, session_id, chat_id, last_message_at, last_inbound_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $6::boolean THEN $5::timestamptz END)
     ON CONFLICT (organization_id, contact_id, session_id) WHERE status <> 'CLOSED'
     DO UPDATE SET last_message_at = GREATEST(conversations.last_message_at, EXCLUDED.last_message_at),
                   last_inbound_at = GREATEST(conversations.last_inbound_at, EXCLUDED.last_inbound_at),
                   chat_id = CASE WHEN $6::boolean THEN EXCLUDED.chat_id ELSE conversations.chat_id END,
                   updated_at = now()
     RETURNING id, (xmax = 0) AS created`,
    [input.organizationId, input.contactId, input.sessionId, input.chatId, input.at, input.inbound],
  );
  return rows[0];
}

/** Staff wrote from the clinic's own phone: a human owns the conversation now, the bot stays quiet. */
export async function markTakenOverByHuman(manager: EntityManager, conversationId: string, userId: string | null): Promise<void> {
  await manager.query(
    `UPDATE conversations SET owner_type = 'human', owner_user_id = $2, human_takeover_at = now(), updated_at = now() WHERE id = $1`,
    [conversationId, userId],
  );
}

/**
 * `upsertOpenConversation` for many inbound messages at once: one row per (organization, contact, number) with
 * the latest time and chat id, sorted so concurrent batches lock conversations in the same order. Returns the
 * conversation id keyed by `${organizationId} ${contactId} ${sessionId}`.
 */
export async function upsertOpenConversations(
  manager: EntityManager,
  inputs: { organizationId: string; contactId: string; sessionId: string; chatId: string; at: Date }[],
): Promise<Map<string, string>> {
  const latest = new Map<string, { organizationId: string; contactId: string; sessionId: string; chatId: string; at: Date }>();
  for (const input of inputs) {
    const key = `${input.organizationId} ${input.contactId} ${input.sessionId}`;
    const current = latest.get(key);
    if (!current || input.at >= current.at) latest.set(key, input);
  }
  const ids = new Map<string, string>();
  if (latest.size === 0) return ids;
  const rows = [...latest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  const result: { id: string; organization_id: string; contact_id: string; session_id: string }[] = await manager.query(
    `INSERT INTO conversations (organization_id, contact_id, session_id, chat_id, last_message_at, last_inbound_at)
     SELECT o, c, s, ch, at, at FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::timestamptz[]) AS t(o, c, s, ch, at)
     ON CONFLICT (organization_id, contact_id, session_id) WHERE status <> 'CLOSED'
     DO UPDATE SET last_message_at = GREATEST(conversations.last_message_at, EXCLUDED.last_message_at),
                   last_inbound_at = GREATEST(conversations.last_inbound_at, EXCLUDED.last_inbound_at),
                   chat_id = EXCLUDED.chat_id,
                   updated_at = now()
     RETURNING id, organization_id, contact_id, session_id`,
    [rows.map((r) => r.organizationId), rows.map((r) => r.contactId), rows.map((r) => r.sessionId), rows.map((r) => r.chatId), rows.map((r) => r.at)],
  );
  for (const row of result) ids.set(`${row.organization_id} ${row.contact_id} ${row.session_id}`, row.id);
  return ids;
}
