import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { LeadEntity } from './lead.entity';
import { LeadScoreBand, LeadScoreReason } from './leads.constants';

/** Every score a lead was given, so staff can see how the patient warmed up (or cooled down). */
@Entity({ name: 'lead_score_history' })
@Check('CHK_lead_score_history_score', `"score" BETWEEN 0 AND 100`)
@Check('CHK_lead_score_history_band', `"band" IN ('cold', 'warm', 'hot')`)
// Newest first: (organization_id, lead_id, created_at DESC, id DESC), created by hand in the migration
// because TypeORM cannot declare a column's sort order.
@Index('IDX_lead_score_history_org_lead_created', { synchronize: false })
export class LeadScoreHistoryEntity extends TenantOwnedEntity {
  @Column('uuid') leadId!: string;

  @ManyToOne(() => LeadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lead_id' })
  lead?: LeadEntity;

  @Column('int') score!: number;
  @Column({ type: 'varchar', length: 8 }) band!: LeadScoreBand;
  @Column({ type: 'jsonb', default: () => `'[]'` }) reasons!: LeadScoreReason[];
  @Column({ type: 'varchar', length: 40, nullable: true }) intent!: string | null;
}
