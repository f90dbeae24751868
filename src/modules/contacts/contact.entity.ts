import { Check, Column, DeleteDateColumn, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';

export enum ContactSource {
  Whatsapp = 'whatsapp',
  Manual = 'manual',
  Import = 'import',
}

export enum OptOutSource {
  Patient = 'patient',
  Staff = 'staff',
  Import = 'import',
}

/**
 * A patient. WhatsApp may identify the same person by phone (`…@c.us`) or by a hidden linked id
 * (`…@lid`); both live on one row and are unique per organization among live contacts.
 */
@Entity({ name: 'contacts' })
@Check('CHK_contacts_source', `"source" IN ('whatsapp', 'manual', 'import')`)
@Index('UQ_contacts_org_phone', ['organizationId', 'phone'], { unique: true, where: '"deleted_at" IS NULL AND "phone" IS NOT NULL' })
@Index('UQ_contacts_org_lid', ['organizationId', 'lid'], { unique: true, where: '"deleted_at" IS NULL AND "lid" IS NOT NULL' })
@Index('IDX_contacts_org_created', ['organizationId', 'createdAt'])
@Index('IDX_contacts_org_name', ['organizationId', 'name'])
@Index('IDX_contacts_org_updated', ['organizationId', 'updatedAt'])
// The blocked / opted-out filters select few rows: partial indexes stay small.
@Index('IDX_contacts_org_blocked_created', ['organizationId', 'createdAt'], { where: '"blocked" = true AND "deleted_at" IS NULL' })
@Index('IDX_contacts_org_opted_out_created', ['organizationId', 'createdAt'], { where: '"opted_out" = true AND "deleted_at" IS NULL' })
// GIN trigram index for the name/phone search, created by hand in the migration.
@Index('IDX_contacts_search_trgm', { synchronize: false })
export class ContactEntity extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 120, nullable: true }) name!: string | null;
  /** E.164 (`+5511987654321`), Brazilian mobiles always with the ninth digit. */
  @Column({ type: 'varchar', length: 20, nullable: true }) phone!: string | null;
  /** The `…@c.us` chat id WhatsApp really uses, which for old Brazilian accounts lacks the ninth digit. */
  @Column({ type: 'varchar', length: 64, nullable: true }) waChatId!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) lid!: string | null;
  @Column({ type: 'varchar', length: 254, nullable: true }) email!: string | null;
  @Column({ type: 'date', nullable: true }) birthDate!: string | null;
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Column({ type: 'jsonb', default: () => `'{}'` }) customAttributes!: Record<string, unknown>;
  @Column({ type: 'boolean', default: false }) blocked!: boolean;
  @Column({ type: 'boolean', default: false }) optedOut!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) optedOutAt!: Date | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) optOutSource!: OptOutSource | null;
  @Column({ type: 'varchar', length: 16, default: ContactSource.Manual }) source!: ContactSource;
  @DeleteDateColumn({ type: 'timestamptz' }) deletedAt!: Date | null;
}
