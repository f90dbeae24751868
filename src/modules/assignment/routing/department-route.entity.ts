import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { UserEntity } from 'src/modules/users/user.entity';
import { DepartmentEntity } from '../departments/department.entity';

/** An item routed to a department by hand; it wins over the department matched from the procedure. */
export abstract class DepartmentRouteEntity extends TenantOwnedEntity {
  @Column('uuid') departmentId!: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;

  @Column({ type: 'uuid', nullable: true }) routedById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'routed_by_id' })
  routedBy?: UserEntity;
}
