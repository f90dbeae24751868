import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';

/** A team of the clinic (Odontologia, Dermatologia…): its secretaries and the procedures it serves. */
@Entity({ name: 'departments' })
// Unique per organization ignoring case: an expression index (organization_id, lower(name)), created by hand.
@Index('UQ_departments_org_name', { synchronize: false })
@Index('IDX_departments_org_name', ['organizationId', 'name'])
@Index('IDX_departments_org_created', ['organizationId', 'createdAt'])
export class DepartmentEntity extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 80 }) name!: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) description!: string | null;
  /** Procedures or words the AI-detected procedure is matched against (accents and case ignored). */
  @Column({ type: 'jsonb', default: () => `'[]'` }) keywords!: string[];
}
