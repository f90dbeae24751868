/** Deterministic ids ("-" joined: BullMQ refuses ":"): a message's media is downloaded by one job. */
export function mediaJobId(messageId: string): string {
  return `media-${messageId}`;
}

export const MEDIA_JOB_OPTIONS = { attempts: 5, backoff: { type: 'exponential', delay: 2_000 } } as const;
