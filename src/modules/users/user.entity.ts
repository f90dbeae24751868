import { Check, Column, DeleteDateColumn, Entity, Index } from 'typeorm';
import { Role } from 'src/common/auth/role.enum';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';

@Entity({ name: 'users' })
@Check('CHK_users_role', `"role" IN ('super_admin', 'admin', 'secretary', 'viewer')`)
// Emails are stored lower-cased, so a plain unique index is case-insensitive; deleted users free their email.
@Index('UQ_users_email', ['email'], { unique: true, where: '"deleted_at" IS NULL' })
@Index('IDX_users_org_role', ['organizationId', 'role'])
@Index('IDX_users_org_active', ['organizationId', 'isActive'])
@Index('IDX_users_org_created', ['organizationId', 'createdAt'])
@Index('IDX_users_org_name', ['organizationId', 'name'])
// GIN trigram index for the name/email search, created by hand in the migration (TypeORM cannot express it).
@Index('IDX_users_search_trgm', { synchronize: false })
export class UserEntity extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'varchar', length: 254 }) email!: string;
  @Column({ type: 'varchar', length: 255, select: false }) passwordHash!: string;
  @Column({ type: 'varchar', length: 32 }) role!: Role;
  @Column({ type: 'boolean', default: true }) isActive!: boolean;
  /** Bumped by password change, deactivation and logout-all: every token issued before stops working. */
  @Column({ type: 'int', default: 0 }) tokenVersion!: number;
  @Column({ type: 'timestamptz', nullable: true }) lastLoginAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) passwordChangedAt!: Date | null;
  @DeleteDateColumn({ type: 'timestamptz' }) deletedAt!: Date | null;
}
