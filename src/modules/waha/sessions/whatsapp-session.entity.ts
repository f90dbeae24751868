import { Column, DeleteDateColumn, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';

/** WAHA's statuses; anything else (newer WAHA versions) is stored as-is and treated as "not working". */
export enum WhatsappSessionStatus {
  Stopped = 'STOPPED',
  Starting = 'STARTING',
  ScanQrCode = 'SCAN_QR_CODE',
  Working = 'WORKING',
  Failed = 'FAILED',
}

/**
 * A clinic's WhatsApp number, i.e. one WAHA session. WAHA's session namespace is shared by every clinic of
 * the deployment, so `name` is unique across organizations. Deleting keeps the row (soft delete) because
 * conversations and messages point at it.
 */
@Entity({ name: 'whatsapp_sessions' })
@Index('UQ_whatsapp_sessions_name', ['name'], { unique: true, where: '"deleted_at" IS NULL' })
@Index('IDX_whatsapp_sessions_org_created', ['organizationId', 'createdAt'])
export class WhatsappSessionEntity extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 54 }) name!: string;
  @Column({ type: 'varchar', length: 80, nullable: true }) displayName!: string | null;
  @Column({ type: 'varchar', length: 40, default: WhatsappSessionStatus.Stopped }) status!: string;
  @Column({ type: 'timestamptz', nullable: true }) statusChangedAt!: Date | null;
  /** The number's own WhatsApp id (`551132104567@c.us`) once paired. */
  @Column({ type: 'varchar', length: 64, nullable: true }) meId!: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) mePushName!: string | null;
  /** The webhook HMAC key, sealed by SecretCipher; never returned by the API. */
  @Column({ type: 'text' }) hmacKeyEncrypted!: string;
  @Column({ type: 'timestamptz', nullable: true }) lastCheckedAt!: Date | null;
  @Column({ type: 'int', default: 0 }) restartAttempts!: number;
  @Column({ type: 'timestamptz', nullable: true }) nextRestartAt!: Date | null;
  @DeleteDateColumn({ type: 'timestamptz' }) deletedAt!: Date | null;
}
