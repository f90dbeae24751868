import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvent } from 'src/common/events/domain-events';
import { ConversationStatus } from '../conversation.entity';
import { ConversationHistoryService } from '../history/conversation-history.service';
import { emitAll, pending, PendingEvent } from '../history/pending-events';

export interface AssignConversationParams {
  organizationId: string;
  conversationId: string;
  /** Null unassigns (back to the queue). */
  assigneeId: string | null;
  /** Null when the assignment engine decided. */
  actorUserId: string | null;
  reason: string;
  /** Claim semantics: only when nobody has it yet. Two concurrent calls never both win. */
  onlyIfUnassigned?: boolean;
  /** Only when this user still has it (someone giving up her own); otherwise the outcome is `taken`. */
  onlyIfAssignedTo?: string;
}

/** Why an assignment did not happen, or what it changed. */
export type AssignOutcome =
  | { kind: 'missing' }
  | { kind: 'closed' }
  | { kind: 'taken'; assigneeId: string }
  | { kind: 'unchanged' }
  | { kind: 'changed'; previousAssigneeId: string | null; events: PendingEvent[] };

export interface WaitingConversation {
  id: string;
  procedure: string | null;
  urgent: boolean;
  /** When the patient last wrote (or the conversation began): how long they have waited for a person. */
  waitingSince: Date;
}

const ASSIGNEE_FIELD = 'assigned_to_id';

/** Who works a conversation: assignment, claim races, load per secretary and the unassigned queue. */
@Injectable()
export class ConversationAssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: ConversationHistoryService,
    private readonly events: EventEmitter2,
  ) {}

  /** True when this call changed the assignee; emits ConversationAssigned + ConversationUpdated after commit. */
  async assign(params: AssignConversationParams): Promise<boolean> {
    const outcome = await this.dataSource.transaction((manager) => this.assignIn(manager, params));
    if (outcome.kind !== 'changed') return false;
    emitAll(this.events, outcome.events);
    return true;
  }

  /**
   * The assignment inside the caller's transaction; the caller emits `events` once it commits. The row is
   * locked first, so concurrent claims serialize and the loser sees the winner's assignee.
   */
  async assignIn(manager: EntityManager, params: AssignConversationParams): Promise<AssignOutcome> {
    const { organizationId, conversationId, assigneeId } = params;
    const rows: { assigned_to_id: string | null; status: ConversationStatus }[] = await manager.query(
      `SELECT assigned_to_id, status FROM conversations WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
      [conversationId, organizationId],
    );
    const current = rows[0];
    if (!current) return { kind: 'missing' };
    if (params.onlyIfUnassigned && current.assigned_to_id !== null) return { kind: 'taken', assigneeId: current.assigned_to_id };
    if (current.assigned_to_id === assigneeId) return { kind: 'unchanged' };
    if (params.onlyIfAssignedTo && current.assigned_to_id !== params.onlyIfAssignedTo) {
      return current.assigned_to_id ? { kind: 'taken', assigneeId: current.assigned_to_id } : { kind: 'unchanged' };
    }
    if (current.status === ConversationStatus.Closed && assigneeId !== null) return { kind: 'closed' };
    await manager.query(`UPDATE conversations SET assigned_to_id = $3, updated_at = now() WHERE id = $1 AND organization_id = $2`, [
      conversationId,
      organizationId,
      assigneeId,
    ]);
    await this.history.record(manager, {
      organizationId,
      conversationId,
      field: ASSIGNEE_FIELD,
      oldValue: current.assigned_to_id,
      newValue: assigneeId,
      actorUserId: params.actorUserId,
      reason: params.reason,
    });
    return {
      kind: 'changed',
      previousAssigneeId: current.assigned_to_id,
      events: assignmentEvents(organizationId, conversationId, current.assigned_to_id, assigneeId, params.actorUserId),
    };
  }

  /** Not-closed conversations per assignee; every asked user is in the map (0 when idle). */
  async openLoadByAssignee(organizationId: string, userIds: string[]): Promise<Map<string, number>> {
    const load = new Map(userIds.map((userId) => [userId, 0]));
    if (userIds.length === 0) return load;
    const rows: { assigned_to_id: string; open: number }[] = await this.dataSource.query(
      `SELECT assigned_to_id, count(*)::int AS open FROM conversations
       WHERE organization_id = $1 AND assigned_to_id = ANY($2::uuid[]) AND status <> 'CLOSED'
       GROUP BY assigned_to_id`,
      [organizationId, userIds],
    );
    for (const row of rows) load.set(row.assigned_to_id, row.open);
    return load;
  }

  /** Puts the user's open conversations back in the queue (deactivation); returns their ids. */
  async unassignAllOf(organizationId: string, userId: string, actorUserId: string | null): Promise<string[]> {
    const events: PendingEvent[] = [];
    const ids = await this.dataSource.transaction(async (manager) => {
      const [rows]: [{ id: string }[], number] = await manager.query(
        `UPDATE conversations SET assigned_to_id = NULL, updated_at = now()
         WHERE organization_id = $1 AND assigned_to_id = $2 AND status <> 'CLOSED'
         RETURNING id`,
        [organizationId, userId],
      );
      for (const { id } of rows) {
        await this.history.record(manager, {
          organizationId,
          conversationId: id,
          field: ASSIGNEE_FIELD,
          oldValue: userId,
          newValue: null,
          actorUserId,
          reason: 'assignee_unavailable',
        });
        events.push(...assignmentEvents(organizationId, id, userId, null, actorUserId));
      }
      return rows.map((row) => row.id);
    });
    emitAll(this.events, events);
    return ids;
  }

  /** The unassigned queue waiting for a person: urgent first, then whoever has waited longest. */
  async waitingUnassigned(organizationId: string, limit: number): Promise<WaitingConversation[]> {
    const rows: { id: string; procedure: string | null; urgent: boolean; waiting_since: Date }[] = await this.dataSource.query(
      `SELECT id, context->>'procedure' AS procedure, urgent, COALESCE(last_inbound_at, created_at) AS waiting_since
       FROM conversations
       WHERE organization_id = $1 AND assigned_to_id IS NULL AND status <> 'CLOSED'
         AND (status = 'WAITING_SECRETARY' OR owner_type = 'none')
       ORDER BY urgent DESC, COALESCE(last_inbound_at, created_at), id
       LIMIT $2`,
      [organizationId, limit],
    );
    return rows.map((row) => ({ id: row.id, procedure: row.procedure, urgent: row.urgent, waitingSince: row.waiting_since }));
  }
}

function assignmentEvents(
  organizationId: string,
  conversationId: string,
  previousAssigneeId: string | null,
  assignedToId: string | null,
  actorUserId: string | null,
): PendingEvent[] {
  return [
    pending(DomainEvent.ConversationAssigned, { organizationId, conversationId, assignedToId, previousAssigneeId, actorUserId }),
    pending(DomainEvent.ConversationUpdated, { organizationId, conversationId, changes: [ASSIGNEE_FIELD] }),
  ];
}
