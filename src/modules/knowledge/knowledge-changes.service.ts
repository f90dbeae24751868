import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { EntityManager } from 'typeorm';
import { DomainEvent, KnowledgeChangedEvent } from 'src/common/events/domain-events';
import { bumpKnowledgeVersion } from './retrieval/chunk-writer';

/** The knowledge version counter and the `knowledge.changed` event, shared by every write path. */
@Injectable()
export class KnowledgeChanges {
  constructor(private readonly events: EventEmitter2) {}

  /** Inside the transaction that makes the change, so the new version commits with it. */
  bump(manager: EntityManager, organizationId: string): Promise<number> {
    return bumpKnowledgeVersion(manager, organizationId);
  }

  /** After the transaction committed: listeners reload what they need. */
  announce(organizationId: string): void {
    const event: KnowledgeChangedEvent = { organizationId };
    this.events.emit(DomainEvent.KnowledgeChanged, event);
  }
}
