import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { UserEntity } from 'src/modules/users/user.entity';

export enum RefreshRevokeReason {
  Rotated = 'rotated',
  Logout = 'logout',
  LogoutAll = 'logout_all',
  ReuseDetected = 'reuse_detected',
  AccessRevoked = 'access_revoked',
}

/**
 * One refresh token; a family is one login session. Only the SHA-256 of the opaque token is stored,
 * so a database leak yields no usable token.
 */
@Entity({ name: 'refresh_tokens' })
@Index('UQ_refresh_tokens_token_hash', ['tokenHash'], { unique: true })
@Index('IDX_refresh_tokens_org_user', ['organizationId', 'userId'])
@Index('IDX_refresh_tokens_family', ['familyId'])
@Index('IDX_refresh_tokens_expires_at', ['expiresAt'])
export class RefreshTokenEntity extends TenantOwnedEntity {
  @Column('uuid') userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('uuid') familyId!: string;
  @Column({ type: 'char', length: 64 }) tokenHash!: string;
  /** The user's token version at issue; a later bump (password change, logout-all) voids the token. */
  @Column({ type: 'int' }) tokenVersion!: number;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) revokedReason!: RefreshRevokeReason | null;
  @Column({ type: 'uuid', nullable: true }) replacedById!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) createdByIp!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) userAgent!: string | null;
}
