import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { UserEntity } from 'src/modules/users/user.entity';
import { ConversationEntity } from '../conversation.entity';

/**
 * One user's read watermark on one conversation. Unread = `conversations.inbound_count` minus the count
 * seen at the last read, so a patient message costs no write per reader and the list reads one row per
 * conversation by the unique key.
 */
@Entity({ name: 'conversation_reads' })
@Index('UQ_conversation_reads_org_user_conversation', ['organizationId', 'userId', 'conversationId'], { unique: true })
export class ConversationReadEntity extends TenantOwnedEntity {
  @Column('uuid') userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('uuid') conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  /** The conversation's inbound_count when the user last read it. */
  @Column({ type: 'int', default: 0 }) readInboundCount!: number;
  /** "Mark as unread": shows at least one unread message until the next read. */
  @Column({ type: 'boolean', default: false }) markedUnread!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) lastReadAt!: Date | null;
}
