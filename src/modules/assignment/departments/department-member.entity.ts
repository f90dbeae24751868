import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { UserEntity } from 'src/modules/users/user.entity';
import { DepartmentEntity } from './department.entity';

/** A secretary who works a department's items. */
@Entity({ name: 'department_members' })
@Index('UQ_department_members_org_department_user', ['organizationId', 'departmentId', 'userId'], { unique: true })
@Index('IDX_department_members_org_user', ['organizationId', 'userId'])
export class DepartmentMemberEntity extends TenantOwnedEntity {
  @Column('uuid') departmentId!: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;

  @Column('uuid') userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
