import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvent } from 'src/common/events/domain-events';
import { isConnectionError } from 'src/database/pg-errors';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { InboxEventStatus } from 'src/modules/waha/inbox/waha-inbox-event.entity';
import { LockedInboxEvent, WahaInboxService } from 'src/modules/waha/inbox/waha-inbox.service';
import { WhatsappSessionsService } from 'src/modules/waha/sessions/whatsapp-sessions.service';
import { chatIdOf } from 'src/modules/waha/webhook/webhook-envelope';
import { MEDIA_JOB_OPTIONS, mediaJobId } from '../media/media-jobs';
import { InboundEffects } from './inbound-effects';
import { HandlerOutcome, InboundMessageHandlers } from './inbound-message.handlers';

type Json = Record<string, unknown>;

/**
 * Turns stored webhook events into contacts, conversations and messages. A batch runs in one transaction;
 * if anything in it fails, each event is retried alone so one bad event cannot hold back the others.
 * Each event settles in the same transaction as its effects, so a retried job redoes nothing.
 */
@Injectable()
export class InboundEventsService {
  private readonly logger = new Logger(InboundEventsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inbox: WahaInboxService,
    private readonly handlers: InboundMessageHandlers,
    private readonly sessions: WhatsappSessionsService,
    private readonly events: EventEmitter2,
    private readonly queues: QueueService,
  ) {}

  async processBatch(inboxEventIds: string[]): Promise<void> {
    try {
      await this.processTogether(inboxEventIds);
    } catch (error) {
      if (isConnectionError(error)) throw error;
      this.logger.warn({ err: error, events: inboxEventIds.length }, 'batch failed; processing its events one by one');
      await this.processOneByOne(inboxEventIds);
    }
  }

  private async processOneByOne(inboxEventIds: string[]): Promise<void> {
    let retryLater = false;
    for (const id of inboxEventIds) {
      try {
        await this.processTogether([id]);
      } catch (error) {
        if (isConnectionError(error)) throw error;
        const status = await this.inbox.recordFailure(id, error);
        this.logger.error({ err: error, inboxEventId: id, status }, 'inbox event failed');
        retryLater ||= status === InboxEventStatus.Pending;
      }
    }
    if (retryLater) throw new Error('some inbox events failed and will be retried');
  }

  private async processTogether(inboxEventIds: string[]): Promise<void> {
    const effects = new InboundEffects();
    await this.dataSource.transaction(async (manager) => {
      const events = sortByChat(await this.inbox.lockPending(manager, inboxEventIds));
      // Patient messages first, in bulk; acks, revokes and own messages refer to earlier messages anyway.
      const outcomes = await this.handlers.patientMessages(manager, events.filter((event) => event.event === 'message'), effects);
      for (const event of events) {
        if (event.event !== 'message') outcomes.set(event.id, await this.handle(manager, event, effects));
      }
      await this.inbox.settle(
        manager,
        [...outcomes].map(([id, outcome]) => ({ id, status: outcome === null ? InboxEventStatus.Processed : InboxEventStatus.Ignored, outcome })),
      );
    });
    await this.afterCommit(effects);
  }

  /** Every event but `message` (handled in bulk by `patientMessages`). */
  private handle(manager: EntityManager, event: LockedInboxEvent, effects: InboundEffects): Promise<HandlerOutcome> {
    switch (event.event) {
      case 'message.any':
        return this.handlers.ownMessage(manager, event, effects);
      case 'message.ack':
        return this.handlers.ack(manager, event);
      case 'message.revoked':
        return this.handlers.revoked(manager, event);
      case 'session.status':
        return this.sessionStatus(event);
      default:
        return Promise.resolve(`event "${event.event}" has no handler`);
    }
  }

  private async sessionStatus(event: LockedInboxEvent): Promise<HandlerOutcome> {
    const envelope = event.payload;
    const payload = envelope.payload as Json;
    const me = envelope.me as { id?: unknown; pushName?: unknown } | null | undefined;
    const at = typeof envelope.timestamp === 'number' ? new Date(envelope.timestamp) : event.createdAt;
    await this.sessions.applyStatusEvent(
      event.sessionId,
      String(payload.status),
      me && typeof me.id === 'string' ? { id: me.id, pushName: typeof me.pushName === 'string' ? me.pushName : undefined } : null,
      at,
    );
    return null;
  }

  private async afterCommit(effects: InboundEffects): Promise<void> {
    for (const received of effects.received) {
      this.events.emit(DomainEvent.MessageReceived, received);
      const { contactId: _contactId, ...created } = received;
      this.events.emit(DomainEvent.MessageCreated, { ...created, direction: 'inbound' });
    }
    for (const created of effects.clinicPhoneMessages) {
      this.events.emit(DomainEvent.MessageCreated, created);
      // Staff typing on the clinic's phone took the conversation over.
      this.events.emit(DomainEvent.ConversationUpdated, { organizationId: created.organizationId, conversationId: created.conversationId, changes: ['owner'] });
    }
    if (effects.mediaDownloads.length === 0) return;
    try {
      await this.queues.enqueueMany(
        JobName.DownloadMessageMedia,
        effects.mediaDownloads.map((payload) => ({ payload, options: { ...MEDIA_JOB_OPTIONS, jobId: mediaJobId(payload.messageId) } })),
      );
    } catch (error) {
      // The messages keep media_status = pending; the message sweeper enqueues them again.
      this.logger.warn({ err: error, downloads: effects.mediaDownloads.length }, 'could not enqueue media downloads');
    }
  }
}

/**
 * Row locks are taken in one global order (by chat, then arrival), so two workers with overlapping batches
 * wait for each other instead of deadlocking; within a chat, arrival order is kept.
 */
function sortByChat(events: LockedInboxEvent[]): LockedInboxEvent[] {
  const chatOf = (event: LockedInboxEvent): string => {
    const payload = event.payload.payload;
    return typeof payload === 'object' && payload !== null && 'from' in payload ? chatIdOf(payload as Json) : '';
  };
  return events.map((event, index) => ({ event, index, chat: chatOf(event) }))
    .sort((a, b) => (a.chat < b.chat ? -1 : a.chat > b.chat ? 1 : a.index - b.index))
    .map(({ event }) => event);
}
