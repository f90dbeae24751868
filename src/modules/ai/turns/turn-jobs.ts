import { JobsOptions } from 'bullmq';

/** One job per (conversation, inbound count): a duplicate trigger for the same state is the same job. */
export function turnJobId(conversationId: string, inboundCount: number, rearmedAt = 0): string {
  return rearmedAt > 0 ? `turn-${conversationId}-${inboundCount}-r${rearmedAt}` : `turn-${conversationId}-${inboundCount}`;
}

/**
 * How long to wait before answering: the debounce after the newest message, but never past the cap
 * counted from the oldest unanswered one.
 */
export function debounceDelayMs(now: number, pendingSince: Date | null, debounceMs: number, maxDebounceMs: number): number {
  if (debounceMs <= 0) return 0;
  const capLeft = pendingSince ? pendingSince.getTime() + maxDebounceMs - now : maxDebounceMs;
  return Math.max(0, Math.min(debounceMs, capLeft));
}

/** A turn whose model failed is retried with backoff (the third failure in a row hands off, so 5 attempts suffice). */
export function turnJobOptions(retryBackoffMs: number): JobsOptions {
  return { attempts: 5, backoff: { type: 'exponential', delay: retryBackoffMs }, removeOnComplete: { age: 3600, count: 2_000 } };
}
