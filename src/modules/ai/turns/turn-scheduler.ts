import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { aiConfig } from 'src/config/ai.config';
import { OnEvent } from '@nestjs/event-emitter';
import { DomainEvent, MessageReceivedEvent } from 'src/common/events/domain-events';
import { BotTurnsService } from 'src/modules/conversations/bot-turns/bot-turns.service';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { AiSettingsService } from '../settings/ai-settings.service';
import { debounceDelayMs, turnJobId, turnJobOptions } from './turn-jobs';

interface PendingConversation {
  organizationId: string;
  conversationId: string;
}

/**
 * Arms the turn job of each conversation a patient wrote to. Every new message arms a new job for the new
 * count, delayed by the debounce; a job that finds a newer count when it wakes leaves the work to the
 * newer one. So a burst is answered once, after the pause (or at the cap). Events of one inbound batch are
 * gathered and armed together. If Redis is down, the turn sweeper arms them later.
 */
@Injectable()
export class TurnScheduler {
  private readonly logger = new Logger(TurnScheduler.name);
  private pending = new Map<string, PendingConversation>();
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly turns: BotTurnsService,
    private readonly settings: AiSettingsService,
    private readonly queues: QueueService,
    @Inject(aiConfig.KEY) private readonly config: ConfigType<typeof aiConfig>,
  ) {}

  @OnEvent(DomainEvent.MessageReceived)
  onMessageReceived(event: MessageReceivedEvent): void {
    this.pending.set(event.conversationId, { organizationId: event.organizationId, conversationId: event.conversationId });
    this.flushing ??= Promise.resolve().then(() => this.flush());
  }

  /** Resolves once everything received so far is armed (tests and shutdown). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /**
   * `retry` gives the jobs fresh ids: the sweeper re-arms bursts whose job may still sit in Redis as failed,
   * which would swallow an add under the same id. The watermark keeps a doubled job from answering twice.
   */
  async arm(conversations: PendingConversation[], { retry = false } = {}): Promise<number> {
    const byOrganization = new Map<string, string[]>();
    for (const { organizationId, conversationId } of conversations) {
      byOrganization.set(organizationId, [...(byOrganization.get(organizationId) ?? []), conversationId]);
    }
    const jobs = [];
    for (const [organizationId, conversationIds] of byOrganization) {
      const settings = await this.settings.get(organizationId);
      if (!settings.enabled) {
        // Nothing to answer while the bot is off. Marking the messages seen costs a row update, so it is left to
        // the sweeper (once per stale conversation, not once per message), which must not keep finding them.
        if (retry) await this.turns.markAllSeen(organizationId, conversationIds);
        continue;
      }
      for (const state of await this.turns.findStates(organizationId, conversationIds)) {
        if (state.inboundCount <= state.botAnsweredCount) continue;
        jobs.push({
          payload: { organizationId, conversationId: state.id, inboundCount: state.inboundCount },
          options: {
            ...turnJobOptions(this.config.turnRetryBackoffMs),
            jobId: turnJobId(state.id, state.inboundCount, retry ? Date.now() : 0),
            delay: debounceDelayMs(Date.now(), state.botPendingSince, settings.debounceMs, settings.maxDebounceMs),
          },
        });
      }
    }
    if (jobs.length > 0) await this.queues.enqueueMany(JobName.RunAiTurn, jobs);
    return jobs.length;
  }

  private async flush(): Promise<void> {
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      if (this.queues.isConnected()) await this.arm(batch);
    } catch (error) {
      this.logger.warn({ err: error, conversations: batch.length }, 'could not arm bot turns; the turn sweeper will');
    } finally {
      this.flushing = this.pending.size > 0 ? Promise.resolve().then(() => this.flush()) : null;
    }
  }
}
