import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  ConversationAssignedEvent,
  ConversationHandedOffEvent,
  ConversationUpdatedEvent,
  DomainEvent,
  LeadAssignedEvent,
  LeadCreatedEvent,
  LeadScoredEvent,
  LeadUpdatedEvent,
  MessageCreatedEvent,
  NotificationCreatedEvent,
} from 'src/common/events/domain-events';
import { ConversationsService } from 'src/modules/conversations/conversations.service';
import { LeadsService } from 'src/modules/leads/leads.service';
import { NotificationResponseDto } from 'src/modules/notifications/dto/notification-response.dto';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { ConversationUpdateCoalescer } from './conversation-update-coalescer';
import { RealtimePublisher } from './realtime-publisher';
import { audienceOf, RealtimeEvent, rooms } from './realtime.constants';
import { conversationPayload, leadPayload } from './realtime-payloads';

const ASYNC = { async: true, promisify: true } as const;

/**
 * Domain events → socket events. Each reloads the row when it is sent and picks its audience from the row's
 * current assignee (`audienceOf`), so what a socket hears matches what its user could load over HTTP.
 */
@Injectable()
export class RealtimeEventsListener implements OnModuleInit {
  private readonly logger = new Logger(RealtimeEventsListener.name);

  constructor(
    private readonly publisher: RealtimePublisher,
    private readonly coalescer: ConversationUpdateCoalescer,
    private readonly conversations: ConversationsService,
    private readonly leads: LeadsService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.coalescer.onFlush((organizationId, conversationId, changes) => this.sendConversation(organizationId, conversationId, changes));
  }

  @OnEvent(DomainEvent.MessageCreated, ASYNC)
  onMessageCreated(event: MessageCreatedEvent): Promise<void> {
    return this.safely(DomainEvent.MessageCreated, async () => {
      // The inbound path says who the conversation belongs to; other emitters leave it to a reload.
      const conversation =
        event.assignedToId !== undefined
          ? { id: event.conversationId, organizationId: event.organizationId, assignedToId: event.assignedToId }
          : await this.conversations.findById(event.organizationId, event.conversationId);
      if (!conversation) return;
      this.publisher.emit(audienceOf('conversations', conversation), RealtimeEvent.MessageCreated, {
        conversation_id: conversation.id,
        message_id: event.messageId,
        direction: event.direction,
      });
    });
  }

  @OnEvent(DomainEvent.ConversationUpdated, ASYNC)
  onConversationUpdated(event: ConversationUpdatedEvent): Promise<void> {
    return this.safely(DomainEvent.ConversationUpdated, () => this.coalescer.push(event.organizationId, event.conversationId, event.changes));
  }

  @OnEvent(DomainEvent.ConversationAssigned, ASYNC)
  onConversationAssigned(event: ConversationAssignedEvent): Promise<void> {
    return this.safely(DomainEvent.ConversationAssigned, () => this.coalescer.push(event.organizationId, event.conversationId, ['assigned_to_id']));
  }

  @OnEvent(DomainEvent.ConversationHandedOff, ASYNC)
  onHandedOff(event: ConversationHandedOffEvent): Promise<void> {
    return this.safely(DomainEvent.ConversationHandedOff, () => this.coalescer.push(event.organizationId, event.conversationId, ['status', 'owner_type']));
  }

  @OnEvent(DomainEvent.LeadCreated, ASYNC)
  onLeadCreated(event: LeadCreatedEvent): Promise<void> {
    return this.safely(DomainEvent.LeadCreated, () => this.sendLead(event.organizationId, event.leadId, RealtimeEvent.LeadCreated, []));
  }

  @OnEvent(DomainEvent.LeadUpdated, ASYNC)
  onLeadUpdated(event: LeadUpdatedEvent): Promise<void> {
    return this.safely(DomainEvent.LeadUpdated, () => this.sendLead(event.organizationId, event.leadId, RealtimeEvent.LeadUpdated, event.changes));
  }

  @OnEvent(DomainEvent.LeadAssigned, ASYNC)
  onLeadAssigned(event: LeadAssignedEvent): Promise<void> {
    return this.safely(DomainEvent.LeadAssigned, () => this.sendLead(event.organizationId, event.leadId, RealtimeEvent.LeadUpdated, ['assigned_to_id']));
  }

  @OnEvent(DomainEvent.LeadScored, ASYNC)
  onLeadScored(event: LeadScoredEvent): Promise<void> {
    return this.safely(DomainEvent.LeadScored, () => this.sendLead(event.organizationId, event.leadId, RealtimeEvent.LeadUpdated, ['score']));
  }

  @OnEvent(DomainEvent.NotificationCreated, ASYNC)
  onNotificationCreated(event: NotificationCreatedEvent): Promise<void> {
    return this.safely(DomainEvent.NotificationCreated, async () => {
      const notification = await this.notifications.findById(event.organizationId, event.notificationId);
      if (!notification) return;
      this.publisher.emit([rooms.user(notification.organizationId, notification.userId)], RealtimeEvent.NotificationCreated, NotificationResponseDto.from(notification));
    });
  }

  private async sendConversation(organizationId: string, conversationId: string, changes: string[]): Promise<void> {
    const conversation = await this.conversations.findById(organizationId, conversationId);
    if (!conversation) return;
    this.publisher.emit(audienceOf('conversations', conversation), RealtimeEvent.ConversationUpdated, conversationPayload(conversation, changes));
  }

  private async sendLead(organizationId: string, leadId: string, event: RealtimeEvent, changes: string[]): Promise<void> {
    const lead = await this.leads.findById(organizationId, leadId);
    if (!lead) return;
    this.publisher.emit(audienceOf('leads', lead), event, leadPayload(lead, changes));
  }

  // A listener failing must neither break the emitter's caller nor go unnoticed.
  private async safely(event: DomainEvent, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn({ event, err: error instanceof Error ? error.message : error }, 'realtime listener failed');
    }
  }
}
