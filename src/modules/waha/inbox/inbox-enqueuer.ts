import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';

/** Inbox rows per processing job: one job and one transaction per group keeps Redis and Postgres round trips low. */
export const INBOX_JOB_BATCH = 50;

export const INBOX_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
} as const;

/** The deterministic job id of a group of inbox rows ("-" joined: BullMQ refuses ":"). */
export function inboxJobId(inboxEventIds: string[], attempt?: string): string {
  return ['inbox', inboxEventIds[0], inboxEventIds.length, attempt].filter((part) => part !== undefined).join('-');
}

/**
 * Turns freshly stored inbox rows into processing jobs, grouped per tick. Failures are only logged: the rows
 * are already durable and the sweeper re-enqueues whatever stays pending, so Redis being down costs latency,
 * never a message, and never blocks the webhook answer.
 */
@Injectable()
export class InboxEnqueuer implements OnModuleDestroy {
  private readonly logger = new Logger(InboxEnqueuer.name);
  private pending: string[] = [];
  private scheduled = false;

  constructor(private readonly queues: QueueService) {}

  add(inboxEventId: string): void {
    this.pending.push(inboxEventId);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  /** `attempt` distinguishes a sweep's jobs from the original ones, which BullMQ may still remember as completed. */
  async enqueueNow(inboxEventIds: string[], attempt?: string): Promise<void> {
    const jobs = [];
    for (let start = 0; start < inboxEventIds.length; start += INBOX_JOB_BATCH) {
      const group = inboxEventIds.slice(start, start + INBOX_JOB_BATCH);
      jobs.push({ payload: { inboxEventIds: group }, options: { ...INBOX_JOB_OPTIONS, jobId: inboxJobId(group, attempt) } });
    }
    await this.queues.enqueueMany(JobName.ProcessInboxEvents, jobs);
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush();
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const ids = this.pending;
    this.pending = [];
    if (ids.length === 0) return;
    if (!this.queues.isConnected()) {
      this.logger.warn({ events: ids.length }, 'Redis unavailable; inbox events left for the sweeper');
      return;
    }
    try {
      await this.enqueueNow(ids);
    } catch (error) {
      this.logger.warn({ err: error, events: ids.length }, 'enqueueing inbox events failed; the sweeper will retry');
    }
  }
}
