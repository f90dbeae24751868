import { JobsOptions } from 'bullmq';
import { WhatsappConfig } from 'src/config/whatsapp.config';

/** One send job per message, whoever enqueues it (API, bot, sweeper): BullMQ keeps a single copy. */
export function sendJobId(messageId: string): string {
  return `send-${messageId}`;
}

/** 5xx, timeouts and refused connections retry exponentially: 8 attempts from 5 s reach about 10 minutes. */
export function sendJobOptions(config: WhatsappConfig, messageId: string): JobsOptions {
  return { jobId: sendJobId(messageId), attempts: config.sendAttempts, backoff: { type: 'exponential', delay: config.sendBackoffMs } };
}
