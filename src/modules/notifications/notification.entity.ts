import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { UserEntity } from 'src/modules/users/user.entity';

export enum NotificationType {
  LeadAssigned = 'lead_assigned',
  ConversationUrgent = 'conversation_urgent',
  ConversationHandoff = 'conversation_handoff',
  MessageReceived = 'message_received',
  FirstResponseOverdue = 'first_response_overdue',
}

export enum NotificationPriority {
  Normal = 'normal',
  High = 'high',
}

/** Ids only: the dashboard loads the item itself, through its own scoped endpoint. */
export interface NotificationData {
  conversation_id?: string;
  lead_id?: string;
}

/** Something a staff member should look at; each user sees only her own. */
@Entity({ name: 'notifications' })
@Check('CHK_notifications_priority', `"priority" IN ('normal', 'high')`)
// Created by hand in CreateNotifications: the list reads newest first (created_at DESC, id DESC).
@Index('IDX_notifications_org_user_read_created', { synchronize: false })
// One unread notification per key (a chatty patient raises one "new message", not fifty), and the lookup
// that keeps "once per item" notifications from repeating after they are read: partial indexes, by hand.
@Index('UQ_notifications_org_user_unread_key', { synchronize: false })
@Index('IDX_notifications_org_user_key', { synchronize: false })
export class NotificationEntity extends TenantOwnedEntity {
  @Column('uuid') userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 32 }) type!: NotificationType;
  @Column({ type: 'varchar', length: 160 }) title!: string;
  @Column({ type: 'varchar', length: 500 }) body!: string;
  @Column({ type: 'jsonb', default: {} }) data!: NotificationData;
  @Column({ type: 'varchar', length: 8, default: NotificationPriority.Normal }) priority!: NotificationPriority;
  @Column({ type: 'varchar', length: 160, nullable: true }) dedupeKey!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) readAt!: Date | null;
}
