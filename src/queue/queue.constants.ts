/**
 * The one catalogue of queues, jobs and payloads. Job names are strings, never class names.
 * A queue has exactly one processor class (a BullMQ worker takes every job of its queue), so each
 * feature that runs background work owns its queues.
 */
export enum QueueName {
  Maintenance = 'maintenance',
  WahaInbound = 'waha-inbound',
  WhatsappOutbound = 'whatsapp-outbound',
  Media = 'media',
  WahaMaintenance = 'waha-maintenance',
  Monitoring = 'monitoring',
  MessagingMaintenance = 'messaging-maintenance',
  AiTurns = 'ai-turns',
  AiMaintenance = 'ai-maintenance',
  Realtime = 'realtime',
  Assignment = 'assignment',
}

export enum JobName {
  PurgeExpiredSessions = 'purge-expired-sessions',
  ProcessInboxEvents = 'process-inbox-events',
  SweepInbox = 'sweep-inbox',
  SendWhatsappMessage = 'send-whatsapp-message',
  DownloadMessageMedia = 'download-message-media',
  CheckWhatsappSessions = 'check-whatsapp-sessions',
  MonitorQueues = 'monitor-queues',
  SweepMessages = 'sweep-messages',
  RunAiTurn = 'run-ai-turn',
  SweepAiTurns = 'sweep-ai-turns',
  EmbedKnowledge = 'embed-knowledge',
  CheckFirstResponse = 'check-first-response',
  AssignWaitingWork = 'assign-waiting-work',
  ReleaseSecretaryWork = 'release-secretary-work',
  SweepAssignmentQueue = 'sweep-assignment-queue',
}

/** Ids only: handlers reload rows and skip work that is already done. */
export interface JobPayloads {
  [JobName.PurgeExpiredSessions]: { graceDays: number };
  /** A batch of webhook inbox rows (one job per batched insert keeps Redis round trips per webhook low). */
  [JobName.ProcessInboxEvents]: { inboxEventIds: string[] };
  [JobName.SweepInbox]: Record<string, never>;
  [JobName.SendWhatsappMessage]: { organizationId: string; messageId: string };
  [JobName.DownloadMessageMedia]: { organizationId: string; messageId: string };
  /** Without `sessionId`, every session of every organization is checked. */
  [JobName.CheckWhatsappSessions]: { organizationId?: string; sessionId?: string };
  [JobName.MonitorQueues]: Record<string, never>;
  [JobName.SweepMessages]: Record<string, never>;
  /** Answer a conversation's unanswered patient messages once it holds `inboundCount` of them and the patient paused. */
  [JobName.RunAiTurn]: { organizationId: string; conversationId: string; inboundCount: number };
  [JobName.SweepAiTurns]: Record<string, never>;
  /** Vectors for the organization's knowledge chunks that have none (organizations on the Gemini engine). */
  [JobName.EmbedKnowledge]: { organizationId: string };
  /** Fires when the organization's first-response target has elapsed since the item entered the unassigned queue at `queuedAt` (epoch ms). */
  [JobName.CheckFirstResponse]: { organizationId: string; itemType: 'conversation' | 'lead'; itemId: string; queuedAt: number };
  /** Give the organization's unassigned waiting conversations and leads to eligible secretaries. */
  [JobName.AssignWaitingWork]: { organizationId: string };
  /** A secretary changed (availability, deactivation, role): return her open items to the queue if she can no longer work them, then assign. */
  [JobName.ReleaseSecretaryWork]: { organizationId: string; userId: string };
  [JobName.SweepAssignmentQueue]: Record<string, never>;
}

export const QUEUE_OF: Record<JobName, QueueName> = {
  [JobName.PurgeExpiredSessions]: QueueName.Maintenance,
  [JobName.ProcessInboxEvents]: QueueName.WahaInbound,
  [JobName.SweepInbox]: QueueName.WahaMaintenance,
  [JobName.SendWhatsappMessage]: QueueName.WhatsappOutbound,
  [JobName.DownloadMessageMedia]: QueueName.Media,
  [JobName.CheckWhatsappSessions]: QueueName.WahaMaintenance,
  [JobName.MonitorQueues]: QueueName.Monitoring,
  [JobName.SweepMessages]: QueueName.MessagingMaintenance,
  [JobName.RunAiTurn]: QueueName.AiTurns,
  [JobName.SweepAiTurns]: QueueName.AiMaintenance,
  [JobName.EmbedKnowledge]: QueueName.AiMaintenance,
  [JobName.CheckFirstResponse]: QueueName.Realtime,
  [JobName.AssignWaitingWork]: QueueName.Assignment,
  [JobName.ReleaseSecretaryWork]: QueueName.Assignment,
  [JobName.SweepAssignmentQueue]: QueueName.Assignment,
};

/** Added by QueueService to every job, so one request id follows the work from HTTP into the worker. */
export interface JobMeta {
  requestId?: string;
}

export const MAINTENANCE_WORKER_CONCURRENCY = 1;
// Inbound batches are set-based: two workers keep PostgreSQL busy; more only take CPU from the webhook under load.
export const INBOUND_WORKER_CONCURRENCY = 2;
export const OUTBOUND_WORKER_CONCURRENCY = 10;
export const MEDIA_WORKER_CONCURRENCY = 4;
// Turns mostly wait on the model or PostgreSQL; the watermark keeps concurrent turns of one chat safe.
export const AI_TURN_WORKER_CONCURRENCY = 8;
// First-response checks are one read and at most one insert each.
export const REALTIME_WORKER_CONCURRENCY = 4;
// Runs of one organization serialize on an advisory lock, so more workers only help across organizations.
export const ASSIGNMENT_WORKER_CONCURRENCY = 2;

export const DEFAULT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
} as const;
