import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { INBOUND_WORKER_CONCURRENCY, JobMeta, JobName, JobPayloads, QueueName } from 'src/queue/queue.constants';
import { IngestPressure } from 'src/modules/waha/webhook/ingest-pressure';
import { InboundEventsService } from './inbound-events.service';

@Processor(QueueName.WahaInbound, { concurrency: INBOUND_WORKER_CONCURRENCY })
export class InboundProcessor extends WorkerHost {
  constructor(
    private readonly inbound: InboundEventsService,
    private readonly pressure: IngestPressure,
  ) {
    super();
  }

  async process(job: Job<JobPayloads[JobName.ProcessInboxEvents] & JobMeta>): Promise<void> {
    await this.pressure.calm();
    await this.inbound.processBatch(job.data.inboxEventIds);
  }
}
