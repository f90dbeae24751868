import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InboxEventStatus } from './waha-inbox-event.entity';

export interface InboxRow {
  organizationId: string;
  sessionId: string;
  eventId: string;
  event: string;
  payload: string;
  status: InboxEventStatus;
  outcome: string | null;
}

/** `id` is set when this delivery stored the row, null when it was already there (a duplicate). */
export interface InboxWriteResult {
  id: string | null;
}

interface Waiting {
  row: InboxRow;
  resolve: (result: InboxWriteResult) => void;
  reject: (error: unknown) => void;
}

// Natural batching: while some inserts are in flight, new rows wait and go out together in the next one.
// A lone webhook is written at once (lowest latency); under load one INSERT carries hundreds of rows.
const MAX_CONCURRENT_INSERTS = 4;
const MAX_BATCH = 500;

// The payloads travel as one JSON array (the webhook bytes joined by commas) instead of a text[] literal,
// which pg escapes character by character (every quote of every payload) and which is a fifth larger on the wire.
const INSERT_SQL = `
  INSERT INTO waha_inbox_events (organization_id, session_id, event_id, event, payload, status, outcome, processed_at)
  SELECT t.o, t.s, t.e, t.ev, j.p, t.st, t.oc, CASE WHEN t.st = 'pending' THEN NULL ELSE now() END
  FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $6::varchar[], $7::varchar[]) WITH ORDINALITY AS t(o, s, e, ev, st, oc, n)
  JOIN jsonb_array_elements($5::jsonb) WITH ORDINALITY AS j(p, n) ON j.n = t.n
  ON CONFLICT (session_id, event_id) DO NOTHING
  RETURNING id, session_id, event_id`;

/** Writes webhook inbox rows in multi-row INSERTs; each caller learns whether its row was new. */
@Injectable()
export class InboxBatchWriter {
  private readonly logger = new Logger(InboxBatchWriter.name);
  private queue: Waiting[] = [];
  private inFlight = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  write(row: InboxRow): Promise<InboxWriteResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_CONCURRENT_INSERTS && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight += 1;
      void this.insert(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async insert(batch: Waiting[]): Promise<void> {
    try {
      const rows = batch.map((waiting) => waiting.row);
      const inserted: { id: string; session_id: string; event_id: string }[] = await this.dataSource.query(INSERT_SQL, [
        rows.map((row) => row.organizationId),
        rows.map((row) => row.sessionId),
        rows.map((row) => row.eventId),
        rows.map((row) => row.event),
        `[${rows.map((row) => row.payload).join(',')}]`,
        rows.map((row) => row.status),
        rows.map((row) => row.outcome),
      ]);
      const ids = new Map(inserted.map((row) => [`${row.session_id} ${row.event_id}`, row.id]));
      for (const waiting of batch) {
        const key = `${waiting.row.sessionId} ${waiting.row.eventId}`;
        const id = ids.get(key) ?? null;
        // The same event twice in one batch: only the first caller gets the row.
        ids.delete(key);
        waiting.resolve({ id });
      }
    } catch (error) {
      if (batch.length > 1) {
        // One bad row must not fail its neighbours: write them one by one so only it is refused.
        for (const waiting of batch) await this.insert([waiting]);
        return;
      }
      this.logger.error({ err: error }, 'inbox insert failed');
      batch[0].reject(error);
    }
  }
}
