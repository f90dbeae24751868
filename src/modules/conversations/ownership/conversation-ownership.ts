import { EntityManager } from 'typeorm';
import { ConversationOwner } from '../conversation.entity';
import { OwnershipChangeReason, OwnershipEventEntity } from './ownership-event.entity';

export interface OwnershipChange {
  organizationId: string;
  conversationId: string;
  toOwnerType: ConversationOwner;
  toUserId?: string | null;
  reason: OwnershipChangeReason;
  /** Null when the system decided (the bot handing off, idle time). */
  actorUserId?: string | null;
}

/**
 * Moves a conversation to a new owner and records who, why and when, inside the caller's transaction.
 * The row is locked first so concurrent changes record a true "from". Returns false when nothing changed
 * (same owner already, or no such conversation in the organization).
 */
export async function changeOwner(manager: EntityManager, change: OwnershipChange): Promise<boolean> {
  const toUserId = change.toOwnerType === ConversationOwner.Human ? (change.toUserId ?? null) : null;
  const rows: { owner_type: ConversationOwner; owner_user_id: string | null }[] = await manager.query(
    `SELECT owner_type, owner_user_id FROM conversations WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
    [change.conversationId, change.organizationId],
  );
  const current = rows[0];
  if (!current) return false;
  const humanActivity = change.toOwnerType === ConversationOwner.Human ? 'now()' : 'human_takeover_at';
  if (current.owner_type === change.toOwnerType && current.owner_user_id === toUserId) {
    if (change.toOwnerType === ConversationOwner.Human) {
      // Still the same person: their new message restarts the idle clock that hands the chat back.
      await manager.query(`UPDATE conversations SET human_takeover_at = now() WHERE id = $1`, [change.conversationId]);
    }
    return false;
  }
  await manager.query(
    `UPDATE conversations SET owner_type = $2, owner_user_id = $3, human_takeover_at = ${humanActivity}, updated_at = now() WHERE id = $1`,
    [change.conversationId, change.toOwnerType, toUserId],
  );
  await manager.getRepository(OwnershipEventEntity).insert({
    organizationId: change.organizationId,
    conversationId: change.conversationId,
    fromOwnerType: current.owner_type,
    fromUserId: current.owner_user_id,
    toOwnerType: change.toOwnerType,
    toUserId,
    reason: change.reason,
    actorUserId: change.actorUserId ?? null,
  });
  return true;
}
