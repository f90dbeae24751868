import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { UserEntity } from 'src/modules/users/user.entity';
import { LeadEntity } from './lead.entity';
import { LeadInteractionType } from './leads.constants';

/** A contact with the patient logged by staff, or (SYSTEM) a change made to the lead. */
@Entity({ name: 'lead_interactions' })
@Check('CHK_lead_interactions_type', `"type" IN ('NOTE', 'CALL', 'EMAIL', 'WHATSAPP', 'SYSTEM')`)
@Index('IDX_lead_interactions_org_lead_occurred', ['organizationId', 'leadId', 'occurredAt', 'id'])
export class LeadInteractionEntity extends TenantOwnedEntity {
  @Column('uuid') leadId!: string;

  @ManyToOne(() => LeadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lead_id' })
  lead?: LeadEntity;

  @Column({ type: 'varchar', length: 16 }) type!: LeadInteractionType;
  @Column('text') body!: string;
  @Column('timestamptz') occurredAt!: Date;
  /** Null for changes the system made on its own (assignment engine, AI). */
  @Column({ type: 'uuid', nullable: true }) authorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;
}
