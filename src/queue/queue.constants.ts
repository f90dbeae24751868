/** The one catalogue of queues, jobs and payloads. Job names are strings, never class names. */
export enum QueueName {
  Maintenance = 'maintenance',
}

export enum JobName {
  PurgeExpiredSessions = 'purge-expired-sessions',
}

/** Ids only: handlers reload rows and skip work that is already done. */
export interface JobPayloads {
  [JobName.PurgeExpiredSessions]: { graceDays: number };
}

export const QUEUE_OF: Record<JobName, QueueName> = {
  [JobName.PurgeExpiredSessions]: QueueName.Maintenance,
};

/** Added by QueueService to every job, so one request id follows the work from HTTP into the worker. */
export interface JobMeta {
  requestId?: string;
}

export const MAINTENANCE_WORKER_CONCURRENCY = 1;

export const DEFAULT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
} as const;
