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

/** One chat between a patient and one of the clinic's numbers; at most one not-closed per pair. */
@Entity({ name: 'conversations' })
@Check('CHK_conversations_status', `"status" IN ('ACTIVE', 'WAITING_SECRETARY', 'TRANSFERRED', 'AWAITING_RESPONSE', 'CLOSED')`)
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
}
