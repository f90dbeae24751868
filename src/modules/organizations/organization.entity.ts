import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PlanCode, PlanEntity } from './plan.entity';

export enum OrganizationStatus {
  Active = 'active',
  Suspended = 'suspended',
}

export const DEFAULT_TIMEZONE = 'America/Sao_Paulo';
export const DEFAULT_LOCALE = 'pt-BR';
export const SUPPORTED_LOCALES = ['pt-BR', 'en-US', 'es-ES'] as const;

@Entity({ name: 'organizations' })
@Check('CHK_organizations_status', `"status" IN ('active', 'suspended')`)
@Index('IDX_organizations_status_created_at', ['status', 'createdAt'])
@Index('IDX_organizations_plan_created_at', ['plan', 'createdAt'])
@Index('IDX_organizations_created_at', ['createdAt'])
// GIN trigram index for the name search, created by hand in the migration.
@Index('IDX_organizations_name_trgm', { synchronize: false })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'varchar', length: 32, default: PlanCode.Free }) plan!: PlanCode;

  @ManyToOne(() => PlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan' })
  planDetails?: PlanEntity;

  @Column({ type: 'varchar', length: 16, default: OrganizationStatus.Active }) status!: OrganizationStatus;
  @Column({ type: 'timestamptz', nullable: true }) suspendedAt!: Date | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) suspensionReason!: string | null;
  @Column({ type: 'varchar', length: 64, default: DEFAULT_TIMEZONE }) timezone!: string;
  @Column({ type: 'varchar', length: 16, default: DEFAULT_LOCALE }) locale!: string;
  /** The platform's own organization, home of super admins; never listed or managed as a clinic. */
  @Column({ type: 'boolean', default: false }) isPlatform!: boolean;
  /** Send governance per WhatsApp number; null means the deployment default. */
  @Column({ type: 'int', nullable: true }) whatsappSendRatePerMinute!: number | null;
  @Column({ type: 'int', nullable: true }) whatsappMinChatGapMs!: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
