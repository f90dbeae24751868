import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from 'src/modules/organizations/organization.entity';

export interface FieldChange {
  old: unknown;
  new: unknown;
}

/**
 * Append-only record of security-relevant actions. Unlike tenant tables, organization_id may be null:
 * a failed login for an unknown email belongs to no clinic, and only super admins see those rows.
 * actor_id is a plain uuid (no FK) so the trail survives user deletion.
 */
@Entity({ name: 'audit_logs' })
@Index('IDX_audit_logs_org_created', ['organizationId', 'createdAt'])
@Index('IDX_audit_logs_org_actor_created', ['organizationId', 'actorId', 'createdAt'])
@Index('IDX_audit_logs_org_entity_created', ['organizationId', 'entityType', 'entityId', 'createdAt'])
@Index('IDX_audit_logs_created', ['createdAt'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', nullable: true }) organizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) actorRole!: string | null;
  @Column({ type: 'varchar', length: 64 }) action!: string;
  @Column({ type: 'varchar', length: 64 }) entityType!: string;
  @Column({ type: 'uuid', nullable: true }) entityId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) changes!: Record<string, FieldChange> | null;
  @Column({ type: 'jsonb', nullable: true }) metadata!: Record<string, unknown> | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) requestId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
