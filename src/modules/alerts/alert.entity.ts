import { Check, Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';

export enum AlertType {
  WhatsappSessionDown = 'whatsapp_session_down',
  WahaUnreachable = 'waha_unreachable',
  QueueBacklog = 'queue_backlog',
  AiBudgetExceeded = 'ai_budget_exceeded',
  UrgentConversation = 'urgent_conversation',
  AiModelFailing = 'ai_model_failing',
}

export enum AlertSeverity {
  Warning = 'warning',
  Critical = 'critical',
}

export enum AlertStatus {
  Open = 'open',
  Resolved = 'resolved',
}

/**
 * An operational problem someone must look at. Raising the same problem again (same dedupe key) while it
 * is open only bumps `occurrences`; platform-wide alerts belong to the platform organization.
 */
@Entity({ name: 'alerts' })
@Check('CHK_alerts_status', `"status" IN ('open', 'resolved')`)
@Index('UQ_alerts_open_dedupe_key', ['organizationId', 'dedupeKey'], { unique: true, where: `"status" = 'open'` })
@Index('IDX_alerts_org_status_created', ['organizationId', 'status', 'createdAt'])
@Index('IDX_alerts_org_type_created', ['organizationId', 'type', 'createdAt'])
@Index('IDX_alerts_org_created', ['organizationId', 'createdAt'])
@Index('IDX_alerts_org_last_seen', ['organizationId', 'lastSeenAt']) // list sorted by last_seen_at
// Super admins list every organization's alerts (usually the open ones, newest first): no organization to lead with.
@Index('IDX_alerts_status_created', ['status', 'createdAt'])
export class AlertEntity extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 40 }) type!: AlertType;
  @Column({ type: 'varchar', length: 12 }) severity!: AlertSeverity;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'jsonb', default: () => `'{}'` }) details!: Record<string, unknown>;
  @Column({ type: 'varchar', length: 160 }) dedupeKey!: string;
  @Column({ type: 'varchar', length: 12, default: AlertStatus.Open }) status!: AlertStatus;
  @Column({ type: 'int', default: 1 }) occurrences!: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) lastSeenAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
}
