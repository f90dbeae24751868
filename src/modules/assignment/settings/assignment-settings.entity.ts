import { Check, Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';

export enum AssignmentRule {
  /** The eligible secretary who got an item longest ago. */
  RoundRobin = 'round_robin',
  /** The eligible secretary with the fewest open conversations and leads. */
  LeastLoad = 'least_load',
}

/** The organization's assignment rule; no row = round robin. */
@Entity({ name: 'assignment_settings' })
@Check('CHK_assignment_settings_rule', `"rule" IN ('round_robin', 'least_load')`)
@Index('UQ_assignment_settings_org', ['organizationId'], { unique: true })
export class AssignmentSettingsEntity extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 16, default: AssignmentRule.RoundRobin }) rule!: AssignmentRule;
}
