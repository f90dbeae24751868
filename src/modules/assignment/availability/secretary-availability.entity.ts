import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { WeekdayHours } from 'src/modules/knowledge/business-hours';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { UserEntity } from 'src/modules/users/user.entity';

/** Whether a secretary takes new items now, when she works, and when she last got one (round robin). */
@Entity({ name: 'secretary_availability' })
@Index('UQ_secretary_availability_org_user', ['organizationId', 'userId'], { unique: true })
@Index('IDX_secretary_availability_org_available', ['organizationId', 'available'])
export class SecretaryAvailabilityEntity extends TenantOwnedEntity {
  @Column('uuid') userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'boolean', default: false }) available!: boolean;
  /** Weekly intervals in the organization's time zone; null = no limit beyond the `available` switch. */
  @Column({ type: 'jsonb', nullable: true }) workingHours!: WeekdayHours[] | null;
  @Column({ type: 'timestamptz', nullable: true }) lastAssignedAt!: Date | null;
}
