import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';

/** A label staff put on conversations (e.g. "Retorno", "Convênio"); the inbox filters by it. */
@Entity({ name: 'tags' })
// Names are unique per clinic ignoring case: an expression index, created by hand in the migration.
@Index('UQ_tags_org_lower_name', { synchronize: false })
export class TagEntity extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 50 }) name!: string;
  /** `#RRGGBB`, upper case. */
  @Column({ type: 'varchar', length: 7 }) color!: string;
}
