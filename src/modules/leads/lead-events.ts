import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvent, DomainEventPayloads, LeadAssignedEvent } from 'src/common/events/domain-events';
import { AfterCommit } from './after-commit';

/** The leads module's domain events, always emitted once the transaction that made them true has committed. */
@Injectable()
export class LeadEvents {
  constructor(
    private readonly events: EventEmitter2,
    private readonly afterCommit: AfterCommit,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  emit<E extends DomainEvent>(manager: EntityManager | undefined, event: E, payload: DomainEventPayloads[E]): void {
    this.afterCommit.run(manager ?? this.dataSource.manager, () => this.events.emit(event, payload));
  }

  updated(manager: EntityManager, organizationId: string, leadId: string, changes: string[]): void {
    this.emit(manager, DomainEvent.LeadUpdated, { organizationId, leadId, changes });
  }

  /** Every assignment change also emits LeadUpdated naming `assigned_to_id` (the caller's, with its other changes). */
  assigned(manager: EntityManager, payload: LeadAssignedEvent): void {
    this.emit(manager, DomainEvent.LeadAssigned, payload);
  }
}
