import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { UserEntity } from 'src/modules/users/user.entity';
import { LeadEntity } from './lead.entity';

/** What an edit stores for a value: dates as ISO strings, as the API shows them. */
export type LeadHistoryValue = string | number | boolean | null;

/** One edit of a lead's field: who changed it, from what, to what, and when (created_at). */
@Entity({ name: 'lead_history' })
@Index('IDX_lead_history_org_lead_created', ['organizationId', 'leadId', 'createdAt', 'id'])
export class LeadHistoryEntity extends TenantOwnedEntity {
  @Column('uuid') leadId!: string;

  @ManyToOne(() => LeadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lead_id' })
  lead?: LeadEntity;

  @Column({ type: 'varchar', length: 40 }) field!: string;
  @Column({ type: 'jsonb', nullable: true }) oldValue!: LeadHistoryValue;
  @Column({ type: 'jsonb', nullable: true }) newValue!: LeadHistoryValue;
  /** Null when the system (assignment engine) made the change. */
  @Column({ type: 'uuid', nullable: true }) actorUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_user_id' })
  actor?: UserEntity;

  @Column({ type: 'varchar', length: 500, nullable: true }) reason!: string | null;
}
