import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { hasPermission, Permission } from 'src/common/auth/permissions';
import { DomainEvent } from 'src/common/events/domain-events';
import { AssigneeValidator } from '../assignment/assignee-validator';
import { ConversationAssignmentService } from '../assignment/conversation-assignment.service';
import { ConversationOwner, ConversationStatus } from '../conversation.entity';
import { conversationNotFound } from '../conversations.exceptions';
import { ConversationsService } from '../conversations.service';
import { ConversationHistoryService } from '../history/conversation-history.service';
import { emitAll, pending, PendingEvent } from '../history/pending-events';
import { changeOwner } from '../ownership/conversation-ownership';
import { OwnershipChangeReason } from '../ownership/ownership-event.entity';
import { allowedTransitions, canTransition } from './conversation-transitions';
import { ChangeStatusDto } from './dto/change-status.dto';
import { ConversationStateDto } from './dto/conversation-state.dto';
import { ConversationWorkflowErrorCode, ConversationWorkflowException } from './workflow.exceptions';

interface LockedState {
  status: ConversationStatus;
  assigned_to_id: string | null;
}

/** Status changes by people, following the transition table, each kept in the history. */
@Injectable()
export class ConversationWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conversations: ConversationsService,
    private readonly history: ConversationHistoryService,
    private readonly assignment: ConversationAssignmentService,
    private readonly assignees: AssigneeValidator,
    private readonly events: EventEmitter2,
  ) {}

  async changeStatus(actor: AuthUser, id: string, dto: ChangeStatusDto): Promise<ConversationStateDto> {
    await this.conversations.findVisible(actor, id);
    const transferTo = dto.status === ConversationStatus.Transferred ? (dto.to_user_id as string) : null;
    if (transferTo) await this.assignees.assertAssignable(actor, transferTo);
    const events = await this.dataSource.transaction(async (manager) => {
      const current = await lockState(manager, actor.organizationId, id);
      if (transferTo) assertMayTransfer(actor, current, transferTo);
      if (!canTransition(current.status, dto.status)) {
        throw new ConversationWorkflowException(ConversationWorkflowErrorCode.InvalidTransition, `A ${current.status} conversation cannot become ${dto.status}`, {
          from: current.status,
          to: dto.status,
          allowed: allowedTransitions(current.status),
        });
      }
      return this.apply(manager, actor, id, current, dto, transferTo);
    });
    emitAll(this.events, events);
    const updated = await this.conversations.findById(actor.organizationId, id);
    if (!updated) throw conversationNotFound();
    return ConversationStateDto.from(updated, true);
  }

  private async apply(
    manager: EntityManager,
    actor: AuthUser,
    id: string,
    current: LockedState,
    dto: ChangeStatusDto,
    transferTo: string | null,
  ): Promise<PendingEvent[]> {
    const organizationId = actor.organizationId;
    const closing = dto.status === ConversationStatus.Closed;
    await manager.query(
      `UPDATE conversations SET status = $3, closed_at = CASE WHEN $4 THEN now() ELSE closed_at END, updated_at = now()
       WHERE id = $1 AND organization_id = $2`,
      [id, organizationId, dto.status, closing],
    );
    await this.history.record(manager, {
      organizationId,
      conversationId: id,
      field: 'status',
      oldValue: current.status,
      newValue: dto.status,
      actorUserId: actor.userId,
      reason: dto.reason ?? null,
    });
    const changes = closing ? ['status', 'closed_at'] : ['status'];
    const events: PendingEvent[] = [];
    // A closed conversation is history: the patient's next message opens a new one, which the bot answers.
    if (closing) {
      const moved = await changeOwner(manager, {
        organizationId,
        conversationId: id,
        toOwnerType: ConversationOwner.Bot,
        reason: OwnershipChangeReason.Closed,
        actorUserId: actor.userId,
      });
      if (moved) changes.push('owner_type');
    }
    if (transferTo) {
      const outcome = await this.assignment.assignIn(manager, {
        organizationId,
        conversationId: id,
        assigneeId: transferTo,
        actorUserId: actor.userId,
        reason: dto.reason ?? 'transfer',
      });
      if (outcome.kind === 'changed') events.push(...outcome.events);
    }
    events.push(pending(DomainEvent.ConversationUpdated, { organizationId, conversationId: id, changes }));
    return events;
  }
}

async function lockState(manager: EntityManager, organizationId: string, id: string): Promise<LockedState> {
  const rows: LockedState[] = await manager.query(`SELECT status, assigned_to_id FROM conversations WHERE id = $1 AND organization_id = $2 FOR UPDATE`, [
    id,
    organizationId,
  ]);
  if (!rows[0]) throw conversationNotFound();
  return rows[0];
}

// Checked on the locked row: a secretary cannot pass on a conversation someone else took meanwhile.
function assertMayTransfer(actor: AuthUser, current: LockedState, transferTo: string): void {
  if (!hasPermission(actor.role, Permission.ConversationsAssign) && current.assigned_to_id !== actor.userId) {
    throw new ConversationWorkflowException(ConversationWorkflowErrorCode.NotYours, 'Only conversations assigned to you can be transferred; claim it first');
  }
  if (current.assigned_to_id === transferTo) {
    throw new ConversationWorkflowException(ConversationWorkflowErrorCode.InvalidAssignee, 'The conversation is already assigned to that user', {
      user_id: transferTo,
    });
  }
}
