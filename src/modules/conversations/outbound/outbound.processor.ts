import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { isWahaError, WahaClientError } from 'src/modules/waha/client/waha.errors';
import { JobMeta, JobName, JobPayloads, OUTBOUND_WORKER_CONCURRENCY, QueueName } from 'src/queue/queue.constants';
import { OutboundSenderService } from './outbound-sender.service';

type SendJob = Job<JobPayloads[JobName.SendWhatsappMessage] & JobMeta>;

@Processor(QueueName.WhatsappOutbound, { concurrency: OUTBOUND_WORKER_CONCURRENCY })
export class OutboundProcessor extends WorkerHost {
  constructor(private readonly sender: OutboundSenderService) {
    super();
  }

  async process(job: SendJob, token?: string): Promise<string> {
    const { organizationId, messageId } = job.data;
    try {
      const result = await this.sender.send(organizationId, messageId);
      if (result.kind === 'done') return result.status;
      // Over the number's budget: come back later without spending an attempt.
      await job.moveToDelayed(Date.now() + result.ms, token);
      throw new DelayedError();
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      // WAHA answers 422 while the number is (re)starting or being paired: that passes, so retry it like a 5xx.
      const sessionNotReady = error instanceof WahaClientError && error.sessionNotReady;
      if (isWahaError(error) && !error.retryable && !sessionNotReady) {
        await this.sender.failById(organizationId, messageId, `WAHA rejected the message${error.status ? ` (${error.status})` : ''}: ${error.message}`);
        throw new UnrecoverableError(error.message);
      }
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        const reason = error instanceof Error ? error.message : String(error);
        await this.sender.failById(organizationId, messageId, `not sent after ${job.opts.attempts ?? 1} attempts: ${reason}`);
      }
      throw error;
    }
  }
}
