import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ConversationEntity } from 'src/modules/conversations/conversation.entity';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { LeadEntity } from './lead.entity';

/**
 * A conversation a lead absorbed by a merge, beside its own `leads.conversation_id`: the patient may keep
 * writing there, and the AI pipeline must then find the surviving lead rather than open a new one.
 */
@Entity({ name: 'lead_conversations' })
@Index('UQ_lead_conversations_org_lead_conversation', ['organizationId', 'leadId', 'conversationId'], { unique: true })
@Index('IDX_lead_conversations_org_conversation', ['organizationId', 'conversationId'])
export class LeadConversationEntity extends TenantOwnedEntity {
  @Column('uuid') leadId!: string;

  @ManyToOne(() => LeadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lead_id' })
  lead?: LeadEntity;

  @Column('uuid') conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;
}
