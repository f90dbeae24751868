/**
 * In-process domain events (EventEmitter2 via @nestjs/event-emitter). Payloads carry ids only; listeners
 * reload what they need. Emitted after the transaction that made them true has committed.
 */
export enum DomainEvent {
  MessageReceived = 'message.received',
  ConversationHandedOff = 'conversation.handed_off',
  LeadCreated = 'lead.created',
  LeadScored = 'lead.scored',
  KnowledgeChanged = 'knowledge.changed',
}

export interface MessageReceivedEvent {
  organizationId: string;
  conversationId: string;
  messageId: string;
  contactId: string;
}

export interface LeadCreatedEvent {
  organizationId: string;
  leadId: string;
  contactId: string;
  conversationId: string | null;
}

export interface LeadScoredEvent {
  organizationId: string;
  leadId: string;
  scoreHistoryId: string;
}

/** The bot handed a conversation to humans (urgent, asked for a person, booking to confirm, repeated failures…). */
export interface ConversationHandedOffEvent {
  organizationId: string;
  conversationId: string;
  reason: string;
  urgent: boolean;
}

/** The clinic profile or knowledge base changed: cached answers and embeddings may be stale. */
export interface KnowledgeChangedEvent {
  organizationId: string;
}

export interface DomainEventPayloads {
  [DomainEvent.MessageReceived]: MessageReceivedEvent;
  [DomainEvent.ConversationHandedOff]: ConversationHandedOffEvent;
  [DomainEvent.LeadCreated]: LeadCreatedEvent;
  [DomainEvent.LeadScored]: LeadScoredEvent;
  [DomainEvent.KnowledgeChanged]: KnowledgeChangedEvent;
}
