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
  /** Any message stored in a conversation: a patient's, a secretary's, the bot's, the clinic phone's. */
  MessageCreated = 'message.created',
  /** Status, owner, assignee, tags, read state, urgency… changed; `changes` names the fields. */
  ConversationUpdated = 'conversation.updated',
  /** A conversation got an assignee (or lost it: `assignedToId` null). */
  ConversationAssigned = 'conversation.assigned',
  LeadUpdated = 'lead.updated',
  /** A lead got an assignee (or lost it: `assignedToId` null). */
  LeadAssigned = 'lead.assigned',
  NotificationCreated = 'notification.created',
  /** A secretary became available or unavailable, was activated or deactivated, or changed working hours. */
  SecretaryAvailabilityChanged = 'secretary.availability_changed',
}

/** Who the conversation belonged to when the message was stored; absent when the emitter did not know. */
export interface ConversationPeople {
  assignedToId?: string | null;
  ownerUserId?: string | null;
}

export interface MessageReceivedEvent extends ConversationPeople {
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

export interface MessageCreatedEvent extends ConversationPeople {
  organizationId: string;
  conversationId: string;
  messageId: string;
  direction: 'inbound' | 'outbound';
}

export interface ConversationUpdatedEvent {
  organizationId: string;
  conversationId: string;
  changes: string[];
  /** Set when the change concerns only this user (her read state): nobody else needs it. */
  userId?: string;
}

export interface ConversationAssignedEvent {
  organizationId: string;
  conversationId: string;
  assignedToId: string | null;
  previousAssigneeId: string | null;
  /** Null when the assignment engine (not a person) decided. */
  actorUserId: string | null;
}

export interface LeadUpdatedEvent {
  organizationId: string;
  leadId: string;
  changes: string[];
}

export interface LeadAssignedEvent {
  organizationId: string;
  leadId: string;
  assignedToId: string | null;
  previousAssigneeId: string | null;
  actorUserId: string | null;
}

export interface NotificationCreatedEvent {
  organizationId: string;
  notificationId: string;
  userId: string;
}

export interface SecretaryAvailabilityChangedEvent {
  organizationId: string;
  userId: string;
}

export interface DomainEventPayloads {
  [DomainEvent.MessageReceived]: MessageReceivedEvent;
  [DomainEvent.ConversationHandedOff]: ConversationHandedOffEvent;
  [DomainEvent.MessageCreated]: MessageCreatedEvent;
  [DomainEvent.ConversationUpdated]: ConversationUpdatedEvent;
  [DomainEvent.ConversationAssigned]: ConversationAssignedEvent;
  [DomainEvent.LeadUpdated]: LeadUpdatedEvent;
  [DomainEvent.LeadAssigned]: LeadAssignedEvent;
  [DomainEvent.NotificationCreated]: NotificationCreatedEvent;
  [DomainEvent.SecretaryAvailabilityChanged]: SecretaryAvailabilityChangedEvent;
  [DomainEvent.LeadCreated]: LeadCreatedEvent;
  [DomainEvent.LeadScored]: LeadScoredEvent;
  [DomainEvent.KnowledgeChanged]: KnowledgeChangedEvent;
}
