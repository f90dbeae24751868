import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from 'src/modules/organizations/organization.entity';
import { TagEntity } from 'src/modules/tags/tag.entity';
import { UserEntity } from 'src/modules/users/user.entity';
import { ConversationEntity } from '../conversation.entity';

/**
 * A tag on a conversation. A pure link keyed by (conversation, tag), so tagging twice is a no-op; it carries
 * organization_id like every tenant table, and the inbox's tag filter reads it by (organization, tag).
 */
@Entity({ name: 'conversation_tags' })
@Index('IDX_conversation_tags_org_tag_conversation', ['organizationId', 'tagId', 'conversationId'])
export class ConversationTagEntity {
  @PrimaryColumn('uuid') conversationId!: string;
  @PrimaryColumn('uuid') tagId!: string;
  @Column('uuid') organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  @ManyToOne(() => TagEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tag_id' })
  tag?: TagEntity;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;
}
