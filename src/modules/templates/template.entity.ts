import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';

/** A message staff send again and again, with `{{variables}}` filled in when rendered. */
@Entity({ name: 'message_templates' })
// Unique per clinic ignoring case: an expression index, created by hand in the migration.
@Index('UQ_message_templates_org_lower_name', { synchronize: false })
@Index('IDX_message_templates_org_category', ['organizationId', 'category'])
export class TemplateEntity extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 80 }) name!: string;
  @Column({ type: 'text' }) content!: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) category!: string | null;
}
