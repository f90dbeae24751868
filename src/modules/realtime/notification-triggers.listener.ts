import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ConversationAssignedEvent, ConversationHandedOffEvent, DomainEvent, LeadAssignedEvent, LeadCreatedEvent, MessageReceivedEvent } from 'src/common/events/domain-events';
import { ConversationsService } from 'src/modules/conversations/conversations.service';
import { LeadsService } from 'src/modules/leads/leads.service';
import { NotificationPriority, NotificationType } from 'src/modules/notifications/notification.entity';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { FirstResponseService } from './first-response.service';

const ASYNC = { async: true, promisify: true } as const;

/**
 * Domain events → notifications (staff-facing, in Portuguese). The audience is always read from the row's
 * current state in its own organization; `NotificationsService` re-checks that every recipient is an active
 * user of that organization.
 */
@Injectable()
export class NotificationTriggersListener {
  private readonly logger = new Logger(NotificationTriggersListener.name);

  constructor(
    private readonly notifications: NotificationsService,
    private readonly conversations: ConversationsService,
    private readonly leads: LeadsService,
    private readonly firstResponse: FirstResponseService,
  ) {}

  @OnEvent(DomainEvent.LeadAssigned, ASYNC)
  onLeadAssigned(event: LeadAssignedEvent): Promise<void> {
    return this.safely(DomainEvent.LeadAssigned, async () => {
      if (!event.assignedToId) {
        await this.firstResponse.watch(event.organizationId, 'lead', event.leadId);
        return;
      }
      // Taking a lead oneself needs no notice.
      if (event.assignedToId === event.actorUserId) return;
      const lead = await this.leads.findById(event.organizationId, event.leadId);
      if (!lead || lead.assignedToId !== event.assignedToId) return;
      await this.notifications.notify(event.organizationId, { userIds: [event.assignedToId] }, {
        type: NotificationType.LeadAssigned,
        title: 'Novo lead atribuído a você',
        body: lead.procedure ? `Interesse: ${lead.procedure}.` : 'Um lead foi atribuído a você.',
        data: { lead_id: lead.id, ...(lead.conversationId ? { conversation_id: lead.conversationId } : {}) },
        dedupeKey: `lead-assigned-${lead.id}`,
      });
    });
  }

  @OnEvent(DomainEvent.LeadCreated, ASYNC)
  onLeadCreated(event: LeadCreatedEvent): Promise<void> {
    return this.safely(DomainEvent.LeadCreated, async () => {
      const lead = await this.leads.findById(event.organizationId, event.leadId);
      if (lead && !lead.assignedToId) await this.firstResponse.watch(event.organizationId, 'lead', lead.id);
    });
  }

  @OnEvent(DomainEvent.ConversationAssigned, ASYNC)
  onConversationAssigned(event: ConversationAssignedEvent): Promise<void> {
    return this.safely(DomainEvent.ConversationAssigned, async () => {
      if (!event.assignedToId) await this.firstResponse.watch(event.organizationId, 'conversation', event.conversationId);
    });
  }

  /** Urgent or not, the assignee hears of it; an unassigned conversation goes to every admin and secretary. */
  @OnEvent(DomainEvent.ConversationHandedOff, ASYNC)
  onHandedOff(event: ConversationHandedOffEvent): Promise<void> {
    return this.safely(DomainEvent.ConversationHandedOff, async () => {
      const conversation = await this.conversations.findById(event.organizationId, event.conversationId);
      if (!conversation) return;
      const audience = conversation.assignedToId ? { userIds: [conversation.assignedToId] } : { staff: true as const };
      await this.notifications.notify(event.organizationId, audience, {
        type: event.urgent ? NotificationType.ConversationUrgent : NotificationType.ConversationHandoff,
        title: event.urgent ? 'Conversa urgente' : 'Conversa aguardando atendimento',
        body: event.urgent ? 'Um paciente precisa de atendimento urgente.' : 'O assistente transferiu uma conversa para a equipe.',
        data: { conversation_id: conversation.id },
        priority: event.urgent ? NotificationPriority.High : NotificationPriority.Normal,
        dedupeKey: `${event.urgent ? 'urgent' : 'handoff'}-${conversation.id}`,
      });
      if (!conversation.assignedToId) await this.firstResponse.watch(event.organizationId, 'conversation', conversation.id);
    });
  }

  /** One unread "new message" per conversation and person, however many messages the patient sends. */
  @OnEvent(DomainEvent.MessageReceived, ASYNC)
  onMessageReceived(event: MessageReceivedEvent): Promise<void> {
    return this.safely(DomainEvent.MessageReceived, async () => {
      const conversation =
        event.assignedToId !== undefined && event.ownerUserId !== undefined
          ? { id: event.conversationId, assignedToId: event.assignedToId, ownerUserId: event.ownerUserId }
          : await this.conversations.findById(event.organizationId, event.conversationId);
      if (!conversation) return;
      const userIds = [...new Set([conversation.ownerUserId, conversation.assignedToId].filter((id): id is string => id !== null))];
      await this.notifications.notify(event.organizationId, { userIds }, {
        type: NotificationType.MessageReceived,
        title: 'Nova mensagem do paciente',
        body: 'Um paciente escreveu em uma conversa sua.',
        data: { conversation_id: conversation.id },
        dedupeKey: `message-${conversation.id}`,
      });
    });
  }

  private async safely(event: DomainEvent, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn({ event, err: error instanceof Error ? error.message : error }, 'notification trigger failed');
    }
  }
}
