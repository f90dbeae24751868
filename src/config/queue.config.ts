import { registerAs } from '@nestjs/config';
import { loadEnv } from './env.validation';

export const queueConfig = registerAs('queue', () => {
  const env = loadEnv();
  return {
    /** Inbox rows still pending after this long are re-enqueued (their job was lost with Redis). */
    inboxSweepAfterMs: env.INBOX_SWEEP_AFTER_MS,
    backlogAlertThreshold: env.QUEUE_BACKLOG_ALERT_THRESHOLD,
  };
});
export type QueueConfig = ReturnType<typeof queueConfig>;
