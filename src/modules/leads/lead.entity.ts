import { Check, Column, DeleteDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ContactEntity } from 'src/modules/contacts/contact.entity';
import { ConversationEntity } from 'src/modules/conversations/conversation.entity';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { UserEntity } from 'src/modules/users/user.entity';
import { LeadScoreBand, LeadScoreReason, LeadSource, LeadStatus } from './leads.constants';

/**
 * A patient who may book: the AI front desk opens one per WhatsApp conversation and keeps its maturity
 * score current. At most one open (not converted, not lost) lead per conversation.
 */
@Entity({ name: 'leads' })
@Check('CHK_leads_source', `"source" IN ('WHATSAPP', 'WEBSITE', 'INSTAGRAM', 'REFERRAL', 'OTHER')`)
@Check('CHK_leads_status', `"status" IN ('NEW', 'ENGAGED', 'INTERESTED', 'READY', 'SCHEDULED', 'CONVERTED', 'LOST')`)
@Check('CHK_leads_score', `"score" BETWEEN 0 AND 100`)
@Check('CHK_leads_score_band', `"score_band" IN ('cold', 'warm', 'hot')`)
// Two workers handling the same conversation must end up with one lead: ensureForConversation inserts
// with ON CONFLICT DO NOTHING against this index.
@Index('UQ_leads_open_conversation', ['organizationId', 'conversationId'], {
  unique: true,
  where: `"deleted_at" IS NULL AND "status" NOT IN ('CONVERTED', 'LOST')`,
})
// The list's filters and sorts; id last so the tie-breaker of every page is covered too.
@Index('IDX_leads_org_created', ['organizationId', 'createdAt', 'id'], { where: '"deleted_at" IS NULL' })
@Index('IDX_leads_org_score', ['organizationId', 'score', 'id'], { where: '"deleted_at" IS NULL' })
@Index('IDX_leads_org_status_score', ['organizationId', 'status', 'score', 'id'], { where: '"deleted_at" IS NULL' })
@Index('IDX_leads_org_status_created', ['organizationId', 'status', 'createdAt', 'id'], { where: '"deleted_at" IS NULL' })
@Index('IDX_leads_org_assigned_created', ['organizationId', 'assignedToId', 'createdAt', 'id'], { where: '"deleted_at" IS NULL' })
@Index('IDX_leads_org_source_created', ['organizationId', 'source', 'createdAt', 'id'], { where: '"deleted_at" IS NULL' })
@Index('IDX_leads_org_contact', ['organizationId', 'contactId'])
@Index('IDX_leads_org_conversation_created', ['organizationId', 'conversationId', 'createdAt']) // the export's latest lead per conversation
export class LeadEntity extends TenantOwnedEntity {
  @Column('uuid') contactId!: string;

  @ManyToOne(() => ContactEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact?: ContactEntity;

  /** Null for leads from other channels, or once the conversation is gone (the lead stays a sales record). */
  @Column({ type: 'uuid', nullable: true }) conversationId!: string | null;

  @ManyToOne(() => ConversationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  @Column({ type: 'varchar', length: 16 }) source!: LeadSource;
  @Column({ type: 'varchar', length: 16, default: LeadStatus.New }) status!: LeadStatus;
  @Column({ type: 'uuid', nullable: true }) assignedToId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assigned_to_id' })
  assignedTo?: UserEntity;

  @Column({ type: 'int', default: 0 }) score!: number;
  /** Null until the lead is first scored. */
  @Column({ type: 'varchar', length: 8, nullable: true }) scoreBand!: LeadScoreBand | null;
  @Column({ type: 'jsonb', default: () => `'[]'` }) scoreReasons!: LeadScoreReason[];
  @Column({ type: 'timestamptz', nullable: true }) scoredAt!: Date | null;

  // What the AI extracted from the conversation, kept once known.
  @Column({ type: 'varchar', length: 120, nullable: true }) patientName!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) procedure!: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) preferredTime!: string | null;
  /** The latest intent detected in the patient's messages. */
  @Column({ type: 'varchar', length: 40, nullable: true }) intent!: string | null;

  @Column({ type: 'text', nullable: true }) notes!: string | null;
  /** Set when the lead reaches CONVERTED; a converted lead never moves again. */
  @Column({ type: 'timestamptz', nullable: true }) convertedAt!: Date | null;
  /** Required to enter LOST; cleared when the lead is reopened (the history keeps it). */
  @Column({ type: 'varchar', length: 500, nullable: true }) lostReason!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) appointmentAt!: Date | null;
  /** Set on a lead merged into another: it stays soft-deleted, pointing at the lead that absorbed it. */
  @Column({ type: 'uuid', nullable: true }) mergedIntoId!: string | null;

  @ManyToOne(() => LeadEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'merged_into_id' })
  mergedInto?: LeadEntity;

  @DeleteDateColumn({ type: 'timestamptz' }) deletedAt!: Date | null;
}
