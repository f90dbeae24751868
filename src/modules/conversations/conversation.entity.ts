import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ContactEntity } from 'src/modules/contacts/contact.entity';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { UserEntity } from 'src/modules/users/user.entity';
import { WhatsappSessionEntity } from 'src/modules/waha/sessions/whatsapp-session.entity';

export enum ConversationStatus {
  Active = 'ACTIVE',
  WaitingSecretary = 'WAITING_SECRETARY',
  Transferred = 'TRANSFERRED',
  AwaitingResponse = 'AWAITING_RESPONSE',
  Closed = 'CLOSED',
}

export enum ConversationOwner {
  Bot = 'bot',
  Human = 'human',
  Nobody = 'none',
}

/** Facts the AI gathered over the conversation; merged turn by turn, never erased by a turn that lacks them. */
export interface ConversationContext {
  patientName?: string;
  procedure?: string;
  preferredTime?: string;
  symptoms?: string[];
  concerns?: string[];
  /** Objection codes seen so far (price, distance, fear); they lower the lead's maturity. */
  objections?: string[];
  preferences?: string[];
  lastIntent?: string;
  intentType?: 'scheduling' | 'question' | 'urgent' | 'human' | 'opt_out' | 'other';
  intentsSeen?: string[];
  analysedTurns?: number;
  sentiment?: string;
}

/** One chat between a patient and one of the clinic's numbers; at most one not-closed per pair. */
@Entity({ name: 'conversations' })
@Check('CHK_conversations_status', `"status" IN ('ACTIVE', 'WAITING_SECRETARY', 'TRANSFERRED', 'AWAITING_RESPONSE', 'CLOSED')`)
@Check('CHK_conversations_bot_answered', `"bot_answered_count" <= "inbound_count"`)
@Check('CHK_conversations_owner', `"owner_type" IN ('bot', 'human', 'none')`)
@Index('UQ_conversations_open_contact_session', ['organizationId', 'contactId', 'sessionId'], {
  unique: true,
  where: `"status" <> 'CLOSED'`,
})
// The inbox lists newest first (last_message_at DESC NULLS LAST, id DESC); TypeORM cannot declare a column's
// sort order, so these are created by hand in the migration: (organization_id[, filter], last_message_at, id).
@Index('IDX_conversations_org_last_message', { synchronize: false })
@Index('IDX_conversations_org_status_last_message', { synchronize: false })
@Index('IDX_conversations_org_session_last_message', { synchronize: false })
@Index('IDX_conversations_org_contact_last_message', { synchronize: false })
@Index('IDX_conversations_org_assigned_last_message', { synchronize: false })
@Index('IDX_conversations_org_assigned_status_last_message', { synchronize: false })
// Partial indexes on a comparison of two columns and a DESC key: created by hand in AddBotTurnsAndOwnership.
@Index('IDX_conversations_bot_pending', { synchronize: false })
@Index('IDX_conversations_org_contact_summary', { synchronize: false })
// Workspace filters, sorts and the assignment queue: created by hand in AddConversationWorkflow.
@Index('IDX_conversations_org_owner_last_message', { synchronize: false })
@Index('IDX_conversations_org_urgent_last_message', { synchronize: false })
@Index('IDX_conversations_org_created', { synchronize: false })
@Index('IDX_conversations_org_assigned_open', { synchronize: false })
@Index('IDX_conversations_org_waiting_queue', { synchronize: false })
export class ConversationEntity extends TenantOwnedEntity {
  @Column('uuid') contactId!: string;

  @ManyToOne(() => ContactEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact?: ContactEntity;

  @Column('uuid') sessionId!: string;

  @ManyToOne(() => WhatsappSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: WhatsappSessionEntity;

  /** Where replies go: the patient's `…@c.us` or `…@lid` chat id as WhatsApp last used it. */
  @Column({ type: 'varchar', length: 64 }) chatId!: string;
  @Column({ type: 'varchar', length: 24, default: ConversationStatus.Active }) status!: ConversationStatus;
  @Column({ type: 'varchar', length: 8, default: ConversationOwner.Bot }) ownerType!: ConversationOwner;
  @Column({ type: 'uuid', nullable: true }) ownerUserId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) humanTakeoverAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) assignedToId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assigned_to_id' })
  assignedTo?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true }) lastMessageAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastInboundAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;

  // Burst-aware turn-taking: the bot has answered the first `botAnsweredCount` of `inboundCount` patient
  // messages; advancing it by compare-and-set makes each burst answered at most once across workers.
  @Column({ type: 'int', default: 0 }) inboundCount!: number;
  @Column({ type: 'int', default: 0 }) botAnsweredCount!: number;
  /** When the oldest unanswered patient message arrived: the debounce never waits past it + the cap. */
  @Column({ type: 'timestamptz', nullable: true }) botPendingSince!: Date | null;
  /** Consecutive turns the model failed; three hand the conversation to humans. */
  @Column({ type: 'smallint', default: 0 }) botFailureStreak!: number;
  @Column({ type: 'boolean', default: false }) urgent!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) urgentAt!: Date | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) handoffReason!: string | null;
  /** What the analysis learned (name, symptoms, concerns, preferences, intents); see ConversationContext. */
  @Column({ type: 'jsonb', default: {} }) context!: ConversationContext;
  /** A short memory of this conversation for the patient's next ones. */
  @Column({ type: 'text', nullable: true }) summary!: string | null;
}
