import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  ConversationHandedOffEvent,
  DomainEvent,
  LeadCreatedEvent,
  SecretaryAvailabilityChangedEvent,
} from 'src/common/events/domain-events';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';

/**
 * Turns domain events into assignment jobs. Every run assigns whatever is waiting, so a duplicate job is
 * harmless: ids carry a timestamp because a deterministic id would be dropped while an earlier completed
 * job with it is still kept in Redis.
 */
@Injectable()
export class AssignmentTrigger {
  private readonly logger = new Logger(AssignmentTrigger.name);

  constructor(private readonly queues: QueueService) {}

  async request(organizationId: string, reason: string): Promise<void> {
    await this.safely(organizationId, () =>
      this.queues.enqueue(JobName.AssignWaitingWork, { organizationId }, { jobId: `assign-${organizationId}-${reason}-${Date.now()}` }),
    );
  }

  @OnEvent(DomainEvent.LeadCreated)
  async onLeadCreated(event: LeadCreatedEvent): Promise<void> {
    await this.request(event.organizationId, `lead-${event.leadId}`);
  }

  @OnEvent(DomainEvent.ConversationHandedOff)
  async onHandedOff(event: ConversationHandedOffEvent): Promise<void> {
    await this.request(event.organizationId, `handoff-${event.conversationId}`);
  }

  @OnEvent(DomainEvent.SecretaryAvailabilityChanged)
  async onAvailabilityChanged(event: SecretaryAvailabilityChangedEvent): Promise<void> {
    const { organizationId, userId } = event;
    await this.safely(organizationId, () =>
      this.queues.enqueue(JobName.ReleaseSecretaryWork, { organizationId, userId }, { jobId: `release-${organizationId}-${userId}-${Date.now()}` }),
    );
  }

  // A lost trigger only delays the item until the periodic sweep; the event's emitter must not fail for it.
  private async safely(organizationId: string, enqueue: () => Promise<void>): Promise<void> {
    try {
      await enqueue();
    } catch (error) {
      this.logger.warn({ organizationId, err: error instanceof Error ? error.message : error }, 'could not enqueue an assignment job');
    }
  }
}
