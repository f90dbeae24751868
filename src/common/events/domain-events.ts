/**
 * In-process domain events (EventEmitter2 via @nestjs/event-emitter). Payloads carry ids only; listeners
 * reload what they need. Emitted after the transaction that made them true has committed.
 */
export enum DomainEvent {
  MessageReceived = 'message.received',
}

export interface MessageReceivedEvent {
  organizationId: string;
  conversationId: string;
  messageId: string;
  contactId: string;
}

export interface DomainEventPayloads {
  [DomainEvent.MessageReceived]: MessageReceivedEvent;
}
