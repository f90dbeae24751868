import { Column, DeleteDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { UserEntity } from 'src/modules/users/user.entity';
import { ConversationEntity } from '../conversation.entity';

/** An internal note staff leave on a conversation; never sent to the patient. */
@Entity({ name: 'conversation_notes' })
@Index('IDX_conversation_notes_org_conversation_created', ['organizationId', 'conversationId', 'createdAt'])
export class ConversationNoteEntity extends TenantOwnedEntity {
  @Column('uuid') conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  /** Null once the author's account is deleted; the note stays. */
  @Column({ type: 'uuid', nullable: true }) authorUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_user_id' })
  author?: UserEntity | null;

  @Column({ type: 'text' }) body!: string;
  @DeleteDateColumn({ type: 'timestamptz' }) deletedAt!: Date | null;
}
