import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { UserEntity } from 'src/modules/users/user.entity';
import { ConversationEntity } from '../conversation.entity';

export enum ConversationEventKind {
  Status = 'status',
  Field = 'field',
}

/** One edit of a conversation: its status or another field (assignee, tags…), before and after, who, why and when. */
@Entity({ name: 'conversation_events' })
@Check('CHK_conversation_events_kind', `"kind" IN ('status', 'field')`)
@Index('IDX_conversation_events_org_conversation_created', ['organizationId', 'conversationId', 'createdAt'])
export class ConversationEventEntity extends TenantOwnedEntity {
  @Column('uuid') conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  @Column({ type: 'varchar', length: 8 }) kind!: ConversationEventKind;
  @Column({ type: 'varchar', length: 40 }) field!: string;
  @Column({ type: 'jsonb', nullable: true }) oldValue!: unknown;
  @Column({ type: 'jsonb', nullable: true }) newValue!: unknown;
  @Column({ type: 'varchar', length: 500, nullable: true }) reason!: string | null;
  /** Null when the system made the change (assignment engine, bot). */
  @Column({ type: 'uuid', nullable: true }) actorUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_user_id' })
  actorUser?: UserEntity;
}
