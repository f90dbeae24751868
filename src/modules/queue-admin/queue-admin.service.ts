import { Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { AuthUser } from 'src/common/auth/auth-user';
import { QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { RetryFailedJobsDto, RetryFailedJobsResponseDto, RemoveFailedJobsResponseDto } from './dto/failed-jobs.dto';
import { QueueCountsDto, QueueStatsDto, QueueStatsResponseDto } from './dto/queue-stats-response.dto';
import { CLEAN_BATCH, RETRY_LOOKUP_BATCH } from './queue-admin.constants';

const COUNTED_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;

/** Operator tools over every queue: counts, retrying and removing failed jobs. */
@Injectable()
export class QueueAdminService {
  private readonly logger = new Logger(QueueAdminService.name);

  constructor(private readonly queues: QueueService) {}

  async stats(): Promise<QueueStatsResponseDto> {
    const queues = await Promise.all(Object.values(QueueName).map((name) => this.queueStats(name)));
    const totals = emptyCounts();
    for (const queue of queues) {
      for (const key of Object.keys(totals) as (keyof QueueCountsDto)[]) totals[key] += queue[key];
    }
    return { queues, totals };
  }

  /** Without ids, every failed job of the queue(s) goes back to waiting; with ids, each is looked up in the queue(s). */
  async retryFailed(actor: AuthUser, dto: RetryFailedJobsDto): Promise<RetryFailedJobsResponseDto> {
    const queues = this.targets(dto.queue);
    const ids = [...new Set(dto.job_ids ?? [])];
    const result = ids.length === 0 ? { retried: await this.retryAll(queues), not_found: [] } : await this.retryByIds(queues, ids);
    this.logger.log({ userId: actor.userId, queue: dto.queue ?? 'all', requested: ids.length, retried: result.retried }, 'failed jobs retried');
    return result;
  }

  async removeFailed(actor: AuthUser, queueName?: QueueName): Promise<RemoveFailedJobsResponseDto> {
    let removed = 0;
    for (const queue of this.targets(queueName)) {
      // A grace of 0 takes every job that has failed so far; batches keep each call's id list small.
      for (;;) {
        const ids = await queue.clean(0, CLEAN_BATCH, 'failed');
        removed += ids.length;
        if (ids.length < CLEAN_BATCH) break;
      }
    }
    this.logger.log({ userId: actor.userId, queue: queueName ?? 'all', removed }, 'failed jobs removed');
    return { removed };
  }

  private async queueStats(name: QueueName): Promise<QueueStatsDto> {
    const queue = this.queues.queue(name);
    const [counts, isPaused] = await Promise.all([queue.getJobCounts(...COUNTED_STATES), queue.isPaused()]);
    // BullMQ keeps a paused queue's jobs in its wait list; reported as `paused`, they do not look ready to run.
    const waiting = counts.waiting ?? 0;
    return {
      name,
      is_paused: isPaused,
      waiting: isPaused ? 0 : waiting,
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
      completed: counts.completed ?? 0,
      paused: isPaused ? waiting : 0,
      prioritized: counts.prioritized ?? 0,
      waiting_children: counts['waiting-children'] ?? 0,
    };
  }

  private targets(name?: QueueName): Queue[] {
    return (name ? [name] : Object.values(QueueName)).map((queueName) => this.queues.queue(queueName));
  }

  private async retryAll(queues: Queue[]): Promise<number> {
    let retried = 0;
    for (const queue of queues) {
      // Jobs that fail again while this runs are left alone (they were not failed when the operator asked).
      const until = Date.now();
      retried += await queue.getJobCountByTypes('failed');
      await queue.retryJobs({ state: 'failed', timestamp: until });
    }
    return retried;
  }

  private async retryByIds(queues: Queue[], ids: string[]): Promise<RetryFailedJobsResponseDto> {
    let retried = 0;
    const notFound: string[] = [];
    for (let start = 0; start < ids.length; start += RETRY_LOOKUP_BATCH) {
      const batch = ids.slice(start, start + RETRY_LOOKUP_BATCH);
      const counts = await Promise.all(batch.map((id) => this.retryOne(queues, id)));
      counts.forEach((count, index) => {
        retried += count;
        if (count === 0) notFound.push(batch[index]);
      });
    }
    return { retried, not_found: notFound };
  }

  /** Ids are unique per queue only, so the same id may name a failed job in several queues: each is retried. */
  private async retryOne(queues: Queue[], id: string): Promise<number> {
    const jobs = await Promise.all(queues.map((queue) => queue.getJob(id)));
    const retried = await Promise.all(jobs.map((job) => (job ? retryIfFailed(job) : false)));
    return retried.filter(Boolean).length;
  }
}

async function retryIfFailed(job: Job): Promise<boolean> {
  if (!(await job.isFailed())) return false;
  try {
    await job.retry('failed');
    return true;
  } catch (error) {
    // Retried, removed or cleaned by someone else between the two calls.
    if (error instanceof Error && /is not in the failed state|Missing key for job/.test(error.message)) return false;
    throw error;
  }
}

function emptyCounts(): QueueCountsDto {
  return { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0, paused: 0, prioritized: 0, waiting_children: 0 };
}
