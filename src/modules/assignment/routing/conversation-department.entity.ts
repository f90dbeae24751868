import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ConversationEntity } from 'src/modules/conversations/conversation.entity';
import { DepartmentRouteEntity } from './department-route.entity';

@Entity({ name: 'conversation_departments' })
@Index('UQ_conversation_departments_org_conversation', ['organizationId', 'conversationId'], { unique: true })
@Index('IDX_conversation_departments_org_department', ['organizationId', 'departmentId'])
export class ConversationDepartmentEntity extends DepartmentRouteEntity {
  @Column('uuid') conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;
}
