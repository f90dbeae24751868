/**
 * Patient messages the reader has not seen: the conversation's inbound counter minus the counter at her
 * last read, and at least one when she marked it unread. `c` is the conversation, `r` her read row (or null).
 */
export function unreadCountSql(c: string, r: string): string {
  return `GREATEST(${c}.inbound_count - COALESCE(${r}.read_inbound_count, 0), CASE WHEN ${r}.marked_unread THEN 1 ELSE 0 END)`;
}

/** The reader's row for each conversation, by the unique key (organization_id, user_id, conversation_id). */
export function readJoinCondition(c: string, r: string, readerParam: string): string {
  return `${r}.organization_id = ${c}.organization_id AND ${r}.user_id = :${readerParam} AND ${r}.conversation_id = ${c}.id`;
}
