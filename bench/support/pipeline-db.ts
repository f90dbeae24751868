/**
 * What `npm run bench:pipeline` asks PostgreSQL: whether the calibration's conversations are settled, and after
 * each phase what the app stored for exactly the bench's messages, which is the authority on duplicates (a
 * patient message answered by two turns, a balloon sent twice) and on which turn each measured reply came from.
 */
import { DataSource } from 'typeorm';
import { dataSource } from './ingest-db';

export interface ChatOutcome {
  chatId: string;
  inboundCount: number;
  botAnsweredCount: number;
  /** Bot replies not yet sent (queued or sending). */
  unsent: number;
  /** The conversation went to the secretaries (status, owner or a hand-off reason). */
  handedOff: boolean;
}

export interface PhaseVerification {
  /** Messages asked about (every one the app accepted in the phase). */
  checked: number;
  /** Accepted, but no inbound message row with that key id. */
  noInboundRow: number;
  /** Conversations the phase's patients wrote to. */
  conversations: number;
  /** Patient messages in them, per PostgreSQL. */
  inboundMessages: number;
  /** Bot turns that wrote replies (one transaction each, so one `created_at` per turn). */
  replyTurns: number;
  /** Turns beyond one per patient message, summed per conversation (each patient waits for the reply first). */
  duplicateTurns: number;
  /** Bot reply rows (balloons) and how many of them reached WAHA (status past `sending`). */
  replyRows: number;
  replyRowsSent: number;
  /** Sends the fake WAHA recorded to the phase's chats with a key id no reply row holds: sent twice, or not recorded. */
  sendsWithoutRow: number;
  /** Reply rows whose key id the fake WAHA recorded more than once. */
  rowsSentTwice: number;
  /** Measured replies whose row belongs to another conversation or was written before the message arrived. */
  misattributed: number;
  /** Conversations handed to the secretaries (the bot stops answering them). */
  handedOff: number;
  /** Bot reply generations in the phase's conversations: served from the answer cache, or composed. */
  answerCache: { hits: number; composed: number };
}

const SENT_STATUSES = ['pending', 'sent', 'delivered', 'read', 'played'];

/** The bench's verification queries, on two connections of its own. */
export class PipelineDatabase {
  private constructor(private readonly db: DataSource) {}

  static async open(name: string): Promise<PipelineDatabase> {
    return new PipelineDatabase(await dataSource(name, { poolSize: 2 }).initialize());
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async chatOutcomes(chatIds: readonly string[]): Promise<ChatOutcome[]> {
    const rows: { chat_id: string; inbound_count: number; bot_answered_count: number; unsent: string; handed_off: boolean }[] = await this.db.query(
      `SELECT c.chat_id, c.inbound_count, c.bot_answered_count,
              (SELECT count(*) FROM messages m
                WHERE m.organization_id = c.organization_id AND m.conversation_id = c.id AND m.direction = 'outbound' AND m.status IN ('queued', 'sending')) AS unsent,
              (c.owner_type <> 'bot' OR c.status = 'WAITING_SECRETARY' OR c.handoff_reason IS NOT NULL) AS handed_off
       FROM conversations c WHERE c.chat_id = ANY($1::varchar[])`,
      [chatIds],
    );
    return rows.map((row) => ({
      chatId: row.chat_id,
      inboundCount: Number(row.inbound_count),
      botAnsweredCount: Number(row.bot_answered_count),
      unsent: Number(row.unsent),
      handedOff: row.handed_off,
    }));
  }

  /**
   * `messages`: the accepted patient messages of the phase, with the key id of the balloon the bench took for
   * their first reply (null when none came); `sentKeyIds`: every balloon the fake WAHA recorded to the phase's chats.
   */
  async verifyPhase(chatIds: readonly string[], messages: readonly { keyId: string; replyKeyId: string | null }[], sentKeyIds: readonly string[]): Promise<PhaseVerification> {
    const keyIds = messages.map((message) => message.keyId);
    const replyKeyIds = messages.map((message) => message.replyKeyId);
    const [inbound]: { missing: string }[] = await this.db.query(
      `SELECT count(*) AS missing FROM unnest($1::varchar[]) AS a(key_id)
       WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.waha_key_id = a.key_id AND m.direction = 'inbound')`,
      [keyIds],
    );
    const [turns]: Record<string, string>[] = await this.db.query(
      `WITH c AS (SELECT id, organization_id, owner_type, status, handoff_reason FROM conversations WHERE chat_id = ANY($1::varchar[])),
            per AS (
              SELECT c.id,
                     (SELECT count(*) FROM messages m WHERE m.organization_id = c.organization_id AND m.conversation_id = c.id AND m.direction = 'inbound') AS inbound,
                     (SELECT count(DISTINCT m.created_at) FROM messages m
                       WHERE m.organization_id = c.organization_id AND m.conversation_id = c.id AND m.direction = 'outbound' AND m.automated) AS turns,
                     (SELECT count(*) FROM messages m
                       WHERE m.organization_id = c.organization_id AND m.conversation_id = c.id AND m.direction = 'outbound' AND m.automated) AS replies,
                     (SELECT count(*) FROM messages m
                       WHERE m.organization_id = c.organization_id AND m.conversation_id = c.id AND m.direction = 'outbound' AND m.automated
                         AND m.status = ANY($2::varchar[])) AS replies_sent,
                     (c.owner_type <> 'bot' OR c.status = 'WAITING_SECRETARY' OR c.handoff_reason IS NOT NULL) AS handed_off
              FROM c)
       SELECT count(*) AS conversations, coalesce(sum(inbound), 0) AS inbound, coalesce(sum(turns), 0) AS turns,
              coalesce(sum(greatest(turns - inbound, 0)), 0) AS duplicate_turns, coalesce(sum(replies), 0) AS replies,
              coalesce(sum(replies_sent), 0) AS replies_sent, count(*) FILTER (WHERE handed_off) AS handed_off
       FROM per`,
      [chatIds, SENT_STATUSES],
    );
    const [sends]: { without_row: string; sent_twice: string }[] = await this.db.query(
      `WITH s AS (SELECT key_id, count(*) AS n FROM unnest($1::varchar[]) AS a(key_id) GROUP BY key_id)
       SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.waha_key_id = s.key_id AND m.direction = 'outbound')) AS without_row,
              count(*) FILTER (WHERE s.n > 1) AS sent_twice
       FROM s`,
      [sentKeyIds],
    );
    const [attribution]: { misattributed: string }[] = await this.db.query(
      `SELECT count(*) AS misattributed
       FROM unnest($1::varchar[], $2::varchar[]) AS a(key_id, reply_key_id)
       JOIN messages i ON i.waha_key_id = a.key_id AND i.direction = 'inbound'
       LEFT JOIN messages o ON o.waha_key_id = a.reply_key_id AND o.direction = 'outbound'
       WHERE a.reply_key_id IS NOT NULL AND (o.id IS NULL OR o.conversation_id <> i.conversation_id OR o.created_at < i.created_at)`,
      [keyIds, replyKeyIds],
    );
    const cache: { outcome: string; n: string }[] = await this.db.query(
      `SELECT k.outcome, count(*) AS n FROM ai_model_calls k
       WHERE k.feature = 'reply' AND k.conversation_id IN (SELECT id FROM conversations WHERE chat_id = ANY($1::varchar[]))
       GROUP BY k.outcome`,
      [chatIds],
    );
    const byOutcome = Object.fromEntries(cache.map((row) => [row.outcome, Number(row.n)]));
    return {
      checked: messages.length,
      noInboundRow: Number(inbound.missing),
      conversations: Number(turns.conversations),
      inboundMessages: Number(turns.inbound),
      replyTurns: Number(turns.turns),
      duplicateTurns: Number(turns.duplicate_turns),
      replyRows: Number(turns.replies),
      replyRowsSent: Number(turns.replies_sent),
      sendsWithoutRow: Number(sends.without_row),
      rowsSentTwice: Number(sends.sent_twice),
      misattributed: Number(attribution.misattributed),
      handedOff: Number(turns.handed_off),
      answerCache: { hits: byOutcome.cache_hit ?? 0, composed: byOutcome.ok ?? 0 },
    };
  }
}
