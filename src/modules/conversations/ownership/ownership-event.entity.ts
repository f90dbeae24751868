import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { UserEntity } from 'src/modules/users/user.entity';
import { ConversationEntity, ConversationOwner } from '../conversation.entity';

export enum OwnershipChangeReason {
  /** A secretary or admin answered through the API. */
  UserReply = 'user_reply',
  /** Someone answered from the clinic's own phone. */
  ClinicPhone = 'clinic_phone',
  Handback = 'handback',
  HumanIdle = 'human_idle',
  Closed = 'closed',
  Urgent = 'urgent',
  HumanRequest = 'human_request',
  Complaint = 'complaint',
  ModelFailures = 'model_failures',
  DailyCap = 'daily_cap',
}

/** Who owned a conversation before and after a change, who made it and why. */
@Entity({ name: 'conversation_ownership_events' })
@Check('CHK_conversation_ownership_events_owner', `"from_owner_type" IN ('bot', 'human', 'none') AND "to_owner_type" IN ('bot', 'human', 'none')`)
@Index('IDX_conversation_ownership_events_org_conversation_created', ['organizationId', 'conversationId', 'createdAt'])
export class OwnershipEventEntity extends TenantOwnedEntity {
  @Column('uuid') conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  @Column({ type: 'varchar', length: 8 }) fromOwnerType!: ConversationOwner;
  @Column({ type: 'uuid', nullable: true }) fromUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'from_user_id' })
  fromUser?: UserEntity;

  @Column({ type: 'varchar', length: 8 }) toOwnerType!: ConversationOwner;
  @Column({ type: 'uuid', nullable: true }) toUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'to_user_id' })
  toUser?: UserEntity;

  @Column({ type: 'varchar', length: 32 }) reason!: OwnershipChangeReason;
  /** Null when the system made the change (the bot handing off, idle time). */
  @Column({ type: 'uuid', nullable: true }) actorUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_user_id' })
  actorUser?: UserEntity;
}
