import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { LeadEntity } from 'src/modules/leads/lead.entity';
import { DepartmentRouteEntity } from './department-route.entity';

@Entity({ name: 'lead_departments' })
@Index('UQ_lead_departments_org_lead', ['organizationId', 'leadId'], { unique: true })
@Index('IDX_lead_departments_org_department', ['organizationId', 'departmentId'])
export class LeadDepartmentEntity extends DepartmentRouteEntity {
  @Column('uuid') leadId!: string;

  @ManyToOne(() => LeadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lead_id' })
  lead?: LeadEntity;
}
