import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobMeta, JobName, JobPayloads, MAINTENANCE_WORKER_CONCURRENCY, QueueName } from 'src/queue/queue.constants';
import { InboxSweeper } from './inbox/inbox-sweeper';
import { WhatsappSessionMonitorService } from './sessions/whatsapp-session-monitor.service';

type WahaMaintenanceJob = Job<(JobPayloads[JobName.SweepInbox] | JobPayloads[JobName.CheckWhatsappSessions]) & JobMeta>;

@Processor(QueueName.WahaMaintenance, { concurrency: MAINTENANCE_WORKER_CONCURRENCY })
export class WahaMaintenanceProcessor extends WorkerHost {
  constructor(
    private readonly sweeper: InboxSweeper,
    private readonly monitor: WhatsappSessionMonitorService,
  ) {
    super();
  }

  async process(job: WahaMaintenanceJob): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.SweepInbox:
        return this.sweeper.sweep();
      case JobName.CheckWhatsappSessions:
        return this.monitor.check(job.data as JobPayloads[JobName.CheckWhatsappSessions]);
      default:
        throw new Error(`waha-maintenance cannot run job "${job.name}"`);
    }
  }
}
