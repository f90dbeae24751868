import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { queueConfig } from 'src/config/queue.config';
import { InboxEventStatus, WahaInboxEventEntity } from './waha-inbox-event.entity';

export interface LockedInboxEvent {
  id: string;
  organizationId: string;
  sessionId: string;
  event: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** After this many failed attempts an event is parked as `failed` (visible, retryable by hand) instead of retried. */
export const MAX_INBOX_ATTEMPTS = 5;
const SWEEP_BATCH = 500;

/** The processing side of the inbox: claim pending rows, settle them, find the ones whose job was lost. */
@Injectable()
export class WahaInboxService {
  constructor(
    @InjectRepository(WahaInboxEventEntity) private readonly events: Repository<WahaInboxEventEntity>,
    @Inject(queueConfig.KEY) private readonly config: ConfigType<typeof queueConfig>,
  ) {}

  /**
   * Locks the still-pending rows among `ids` for the caller's transaction. Rows another worker holds are
   * skipped, processed ones are not returned: a duplicate job finds nothing to do.
   */
  async lockPending(manager: EntityManager, ids: string[]): Promise<LockedInboxEvent[]> {
    const rows: { id: string; organization_id: string; session_id: string; event: string; payload: Record<string, unknown>; created_at: Date }[] =
      await manager.query(
        `SELECT id, organization_id, session_id, event, payload, created_at FROM waha_inbox_events
         WHERE id = ANY($1::uuid[]) AND status = 'pending' ORDER BY created_at, id FOR UPDATE SKIP LOCKED`,
        [ids],
      );
    return rows.map((row) => ({
      id: row.id,
      organizationId: row.organization_id,
      sessionId: row.session_id,
      event: row.event,
      payload: row.payload,
      createdAt: row.created_at,
    }));
  }

  async settle(manager: EntityManager, settled: { id: string; status: InboxEventStatus.Processed | InboxEventStatus.Ignored; outcome: string | null }[]): Promise<void> {
    if (settled.length === 0) return;
    await manager.query(
      `UPDATE waha_inbox_events AS e SET status = s.status, outcome = s.outcome, processed_at = now(), updated_at = now(), attempts = e.attempts + 1
       FROM unnest($1::uuid[], $2::varchar[], $3::varchar[]) AS s(id, status, outcome) WHERE e.id = s.id`,
      [settled.map((row) => row.id), settled.map((row) => row.status), settled.map((row) => row.outcome?.slice(0, 300) ?? null)],
    );
  }

  /** Counts a failed attempt; the row stays pending (the job retries) until it has failed too often. */
  async recordFailure(id: string, error: unknown): Promise<InboxEventStatus> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 300);
    const [rows]: [{ status: InboxEventStatus }[], number] = await this.events.query(
      `UPDATE waha_inbox_events SET attempts = attempts + 1, outcome = $2, updated_at = now(),
              status = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE status END
       WHERE id = $1 AND status = 'pending' RETURNING status`,
      [id, message, MAX_INBOX_ATTEMPTS],
    );
    return rows[0]?.status ?? InboxEventStatus.Processed;
  }

  /** Pending rows older than the sweep delay: their job was lost (Redis down or flushed) or never made. */
  async findStalePending(): Promise<string[]> {
    const rows: { id: string }[] = await this.events.query(
      `SELECT id FROM waha_inbox_events WHERE status = 'pending' AND created_at < now() - ($1 || ' milliseconds')::interval
       ORDER BY created_at LIMIT $2`,
      [String(this.config.inboxSweepAfterMs), SWEEP_BATCH],
    );
    return rows.map((row) => row.id);
  }
}
