import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobMeta, JobName, JobPayloads, MAINTENANCE_WORKER_CONCURRENCY, QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { MessageSweeper } from './message-sweeper';

const SWEEP_EVERY_MS = 30_000;

@Processor(QueueName.MessagingMaintenance, { concurrency: MAINTENANCE_WORKER_CONCURRENCY })
export class MessagingMaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly sweeper: MessageSweeper,
    private readonly queues: QueueService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.schedule(JobName.SweepMessages, {}, SWEEP_EVERY_MS);
  }

  async process(job: Job<JobPayloads[JobName.SweepMessages] & JobMeta>): Promise<unknown> {
    if (job.name !== JobName.SweepMessages) throw new Error(`messaging-maintenance cannot run job "${job.name}"`);
    return this.sweeper.sweep();
  }
}
