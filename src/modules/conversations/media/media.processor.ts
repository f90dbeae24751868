import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobMeta, JobName, JobPayloads, MEDIA_WORKER_CONCURRENCY, QueueName } from 'src/queue/queue.constants';
import { MediaDownloadService } from './media-download.service';

type MediaJob = Job<JobPayloads[JobName.DownloadMessageMedia] & JobMeta>;

@Processor(QueueName.Media, { concurrency: MEDIA_WORKER_CONCURRENCY })
export class MediaProcessor extends WorkerHost {
  constructor(private readonly media: MediaDownloadService) {
    super();
  }

  async process(job: MediaJob): Promise<string | null> {
    return this.media.download(job.data.organizationId, job.data.messageId);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: MediaJob | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await this.media.giveUp(job.data.organizationId, job.data.messageId, `download failed: ${error.message}`);
  }
}
