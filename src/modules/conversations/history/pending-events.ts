import { EventEmitter2 } from '@nestjs/event-emitter';
import { DomainEvent, DomainEventPayloads } from 'src/common/events/domain-events';

/** A domain event held back until the transaction that made it true has committed. */
export type PendingEvent = { [E in DomainEvent]: { event: E; payload: DomainEventPayloads[E] } }[DomainEvent];

export function pending<E extends DomainEvent>(event: E, payload: DomainEventPayloads[E]): PendingEvent {
  return { event, payload } as PendingEvent;
}

export function emitAll(emitter: EventEmitter2, events: readonly PendingEvent[]): void {
  for (const { event, payload } of events) emitter.emit(event, payload);
}
