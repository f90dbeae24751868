import { Injectable } from '@nestjs/common';
import { ConversationOwner, ConversationStatus } from 'src/modules/conversations/conversation.entity';
import { ConversationsService } from 'src/modules/conversations/conversations.service';
import { LeadStatus } from 'src/modules/leads/leads.constants';
import { LeadsService } from 'src/modules/leads/leads.service';
import { NotificationPriority, NotificationType } from 'src/modules/notifications/notification.entity';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { JobName, JobPayloads } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';

export type WaitingItem = JobPayloads[JobName.CheckFirstResponse]['itemType'];

const CLOSED_LEAD_STATUSES: ReadonlySet<string> = new Set([LeadStatus.Converted, LeadStatus.Lost]);

/**
 * The first-response target: when an item enters the unassigned queue a check is scheduled for the moment
 * the organization's target elapses; if the item is still waiting then, the staff are notified once.
 */
@Injectable()
export class FirstResponseService {
  constructor(
    private readonly queue: QueueService,
    private readonly notifications: NotificationsService,
    private readonly conversations: ConversationsService,
    private readonly leads: LeadsService,
  ) {}

  async watch(organizationId: string, itemType: WaitingItem, itemId: string, now = Date.now()): Promise<void> {
    const targetMinutes = await this.notifications.firstResponseTargetMinutes(organizationId);
    await this.queue.enqueue(
      JobName.CheckFirstResponse,
      { organizationId, itemType, itemId, queuedAt: now },
      { jobId: `first-response-${itemType}-${itemId}-${now}`, delay: targetMinutes * 60_000 },
    );
  }

  /** Runs when the target elapsed; returns whether anyone was notified. */
  async check(payload: JobPayloads[JobName.CheckFirstResponse]): Promise<boolean> {
    const { organizationId, itemType, itemId, queuedAt } = payload;
    if (!(await this.stillWaiting(organizationId, itemType, itemId))) return false;
    const minutes = await this.notifications.firstResponseTargetMinutes(organizationId);
    const created = await this.notifications.notify(organizationId, { staff: true }, {
      type: NotificationType.FirstResponseOverdue,
      title: itemType === 'conversation' ? 'Conversa sem resposta' : 'Lead sem atendimento',
      body: `Aguardando há mais de ${minutes} minutos na fila, sem responsável.`,
      data: itemType === 'conversation' ? { conversation_id: itemId } : { lead_id: itemId },
      priority: NotificationPriority.High,
      dedupeKey: `first-response-${itemType}-${itemId}-${queuedAt}`,
      once: true,
    });
    return created.length > 0;
  }

  private async stillWaiting(organizationId: string, itemType: WaitingItem, itemId: string): Promise<boolean> {
    if (itemType === 'lead') {
      const lead = await this.leads.findById(organizationId, itemId);
      return !!lead && !lead.assignedToId && !CLOSED_LEAD_STATUSES.has(lead.status);
    }
    const conversation = await this.conversations.findById(organizationId, itemId);
    if (!conversation || conversation.assignedToId || conversation.status === ConversationStatus.Closed) return false;
    return conversation.status === ConversationStatus.WaitingSecretary || conversation.ownerType === ConversationOwner.Nobody;
  }
}
