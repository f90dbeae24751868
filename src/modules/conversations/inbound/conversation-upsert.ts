import { EntityManager } from 'typeorm';

export interface OpenConversationInput {
  organizationId: string;
  contactId: string;
  sessionId: string;
  chatId: string;
  at: Date;
  /** A patient's message: moves `last_inbound_at` and makes `chatId` where replies go. */
  inbound: boolean;
}

/** How `upsertOpenConversations` keys its answer. */
export function conversationKey(input: Pick<OpenConversationInput, 'organizationId' | 'contactId' | 'sessionId'>): string {
  return `${input.organizationId} ${input.contactId} ${input.sessionId}`;
}

/** The upserted conversation and who it belongs to (for the events that follow the message). */
export interface OpenConversation {
  id: string;
  assignedToId: string | null;
  ownerUserId: string | null;
}

/** The open conversation of one contact on one number (see `upsertOpenConversations`); returns its id. */
export async function upsertOpenConversation(manager: EntityManager, input: OpenConversationInput): Promise<string> {
  return ((await upsertOpenConversations(manager, [input])).get(conversationKey(input)) as OpenConversation).id;
}

/**
 * The open conversation between a contact and one of the clinic's numbers, created when there is none
 * (a closed one is history: the partial unique index only covers conversations that are not CLOSED).
 * `last_message_at` only moves forward, as messages can be processed out of order. One row per conversation
 * with the latest time, sorted so concurrent batches lock conversations in the same order. Returns the ids
 * keyed by `conversationKey`.
 */
export async function upsertOpenConversations(manager: EntityManager, inputs: OpenConversationInput[]): Promise<Map<string, OpenConversation>> {
  const latest = new Map<string, OpenConversationInput>();
  const inboundCounts = new Map<string, number>();
  for (const input of inputs) {
    const key = conversationKey(input);
    const current = latest.get(key);
    if (!current || input.at >= current.at) latest.set(key, input);
    if (input.inbound) inboundCounts.set(key, (inboundCounts.get(key) ?? 0) + 1);
  }
  const ids = new Map<string, OpenConversation>();
  if (latest.size === 0) return ids;
  const sorted = [...latest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = sorted.map(([, row]) => row);
  const counts = sorted.map(([key]) => inboundCounts.get(key) ?? 0);
  const result: { id: string; organization_id: string; contact_id: string; session_id: string; assigned_to_id: string | null; owner_user_id: string | null }[] = await manager.query(
    `INSERT INTO conversations (organization_id, contact_id, session_id, chat_id, last_message_at, last_inbound_at, inbound_count, bot_pending_since)
     SELECT o, c, s, ch, at, CASE WHEN inb THEN at END, n, CASE WHEN n > 0 THEN now() END
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::timestamptz[], $6::boolean[], $7::int[]) AS t(o, c, s, ch, at, inb, n)
     ON CONFLICT (organization_id, contact_id, session_id) WHERE status <> 'CLOSED'
     DO UPDATE SET last_message_at = GREATEST(conversations.last_message_at, EXCLUDED.last_message_at),
                   last_inbound_at = GREATEST(conversations.last_inbound_at, EXCLUDED.last_inbound_at),
                   chat_id = CASE WHEN EXCLUDED.last_inbound_at IS NOT NULL THEN EXCLUDED.chat_id ELSE conversations.chat_id END,
                   inbound_count = conversations.inbound_count + EXCLUDED.inbound_count,
                   bot_pending_since = CASE WHEN conversations.inbound_count = conversations.bot_answered_count AND EXCLUDED.inbound_count > 0
                                            THEN now() ELSE conversations.bot_pending_since END,
                   updated_at = now()
     RETURNING id, organization_id, contact_id, session_id, assigned_to_id, owner_user_id`,
    [
      rows.map((r) => r.organizationId),
      rows.map((r) => r.contactId),
      rows.map((r) => r.sessionId),
      rows.map((r) => r.chatId),
      rows.map((r) => r.at),
      rows.map((r) => r.inbound),
      counts,
    ],
  );
  for (const row of result) {
    const key = conversationKey({ organizationId: row.organization_id, contactId: row.contact_id, sessionId: row.session_id });
    ids.set(key, { id: row.id, assignedToId: row.assigned_to_id, ownerUserId: row.owner_user_id });
  }
  return ids;
}
