import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobMeta, JobName, JobPayloads, QueueName, REALTIME_WORKER_CONCURRENCY } from 'src/queue/queue.constants';
import { FirstResponseService } from './first-response.service';

@Processor(QueueName.Realtime, { concurrency: REALTIME_WORKER_CONCURRENCY })
export class FirstResponseProcessor extends WorkerHost {
  constructor(private readonly firstResponse: FirstResponseService) {
    super();
  }

  async process(job: Job<JobPayloads[JobName.CheckFirstResponse] & JobMeta>): Promise<boolean> {
    switch (job.name as JobName) {
      case JobName.CheckFirstResponse:
        return this.firstResponse.check(job.data);
      default:
        throw new Error(`realtime cannot run job "${job.name}"`);
    }
  }
}
