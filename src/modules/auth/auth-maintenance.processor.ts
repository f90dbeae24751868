import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobMeta, JobName, JobPayloads, MAINTENANCE_WORKER_CONCURRENCY, QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { SessionsService } from './sessions.service';

const PURGE_EVERY_MS = 6 * 3600 * 1000;
// Expired tokens are kept a week so a late reuse is still recognised and audited.
const PURGE_GRACE_DAYS = 7;

@Processor(QueueName.Maintenance, { concurrency: MAINTENANCE_WORKER_CONCURRENCY })
export class AuthMaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthMaintenanceProcessor.name);

  constructor(
    private readonly sessions: SessionsService,
    private readonly queues: QueueService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.schedule(JobName.PurgeExpiredSessions, { graceDays: PURGE_GRACE_DAYS }, PURGE_EVERY_MS);
  }

  async process(job: Job<JobPayloads[JobName.PurgeExpiredSessions] & JobMeta>): Promise<number> {
    const purged = await this.sessions.purgeExpired(job.data.graceDays);
    this.logger.log({ jobId: job.id, purged }, 'expired refresh tokens purged');
    return purged;
  }
}
