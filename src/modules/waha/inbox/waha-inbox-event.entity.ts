import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { WhatsappSessionEntity } from '../sessions/whatsapp-session.entity';

export enum InboxEventStatus {
  Pending = 'pending',
  Processed = 'processed',
  Ignored = 'ignored',
  Failed = 'failed',
}

/**
 * Every webhook WAHA delivered, stored before we answer 2xx: the durable record of inbound work.
 * Redis only carries jobs that point at these rows; the sweeper re-enqueues rows left pending.
 */
@Entity({ name: 'waha_inbox_events' })
@Check('CHK_waha_inbox_events_status', `"status" IN ('pending', 'processed', 'ignored', 'failed')`)
@Index('UQ_waha_inbox_events_session_event', ['sessionId', 'eventId'], { unique: true })
@Index('IDX_waha_inbox_events_org_status_created', ['organizationId', 'status', 'createdAt'])
// The sweeper scans pending rows of every organization; this partial index stays tiny.
@Index('IDX_waha_inbox_events_pending_created', ['createdAt'], { where: `"status" = 'pending'` })
export class WahaInboxEventEntity extends TenantOwnedEntity {
  @Column('uuid') sessionId!: string;

  @ManyToOne(() => WhatsappSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: WhatsappSessionEntity;

  /** WAHA's envelope id (`evt_…`), or a hash of the body for old WAHA versions that send none. */
  @Column({ type: 'varchar', length: 100 }) eventId!: string;
  @Column({ type: 'varchar', length: 40 }) event!: string;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ type: 'varchar', length: 12, default: InboxEventStatus.Pending }) status!: InboxEventStatus;
  /** Why it was ignored, or the last processing error. */
  @Column({ type: 'varchar', length: 300, nullable: true }) outcome!: string | null;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ type: 'timestamptz', nullable: true }) processedAt!: Date | null;
}
