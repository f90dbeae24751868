import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobMeta, JobName, JobPayloads, MAINTENANCE_WORKER_CONCURRENCY, QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { MONITOR_QUEUES_EVERY_MS } from './queue-admin.constants';
import { QueueBacklog, QueueMonitorService } from './queue-monitor.service';

@Processor(QueueName.Monitoring, { concurrency: MAINTENANCE_WORKER_CONCURRENCY })
export class QueueMonitorProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly monitor: QueueMonitorService,
    private readonly queues: QueueService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.schedule(JobName.MonitorQueues, {}, MONITOR_QUEUES_EVERY_MS);
  }

  async process(job: Job<JobPayloads[JobName.MonitorQueues] & JobMeta>): Promise<QueueBacklog[]> {
    switch (job.name as JobName) {
      case JobName.MonitorQueues:
        return this.monitor.checkBacklogs();
      default:
        throw new Error(`monitoring cannot run job "${job.name}"`);
    }
  }
}
