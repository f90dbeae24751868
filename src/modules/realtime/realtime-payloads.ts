import { ConversationEntity } from 'src/modules/conversations/conversation.entity';
import { LeadEntity } from 'src/modules/leads/lead.entity';

/** State only, no patient text: the dashboard reloads details through the scoped HTTP endpoints. */
export function conversationPayload(conversation: ConversationEntity, changes: string[]): Record<string, unknown> {
  return {
    id: conversation.id,
    status: conversation.status,
    owner_type: conversation.ownerType,
    owner_user_id: conversation.ownerUserId,
    assigned_to_id: conversation.assignedToId,
    urgent: conversation.urgent,
    last_message_at: conversation.lastMessageAt?.toISOString() ?? null,
    updated_at: conversation.updatedAt.toISOString(),
    changes,
  };
}

export function leadPayload(lead: LeadEntity, changes: string[]): Record<string, unknown> {
  return {
    id: lead.id,
    status: lead.status,
    assigned_to_id: lead.assignedToId,
    conversation_id: lead.conversationId,
    score: lead.score,
    score_band: lead.scoreBand,
    updated_at: lead.updatedAt.toISOString(),
    changes,
  };
}
