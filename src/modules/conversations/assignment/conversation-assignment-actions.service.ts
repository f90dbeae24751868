import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { hasPermission, Permission } from 'src/common/auth/permissions';
import { ConversationErrorCode, ConversationException, conversationNotFound } from '../conversations.exceptions';
import { ConversationsService } from '../conversations.service';
import { emitAll } from '../history/pending-events';
import { ConversationStateDto } from '../workflow/dto/conversation-state.dto';
import { ConversationWorkflowErrorCode, ConversationWorkflowException } from '../workflow/workflow.exceptions';
import { AssigneeValidator } from './assignee-validator';
import { AssignConversationParams, AssignOutcome, ConversationAssignmentService } from './conversation-assignment.service';

/** Assignment as people ask for it through the API: assign, claim, unassign. */
@Injectable()
export class ConversationAssignmentActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conversations: ConversationsService,
    private readonly assignment: ConversationAssignmentService,
    private readonly assignees: AssigneeValidator,
    private readonly events: EventEmitter2,
  ) {}

  async assign(actor: AuthUser, id: string, userId: string, reason?: string): Promise<ConversationStateDto> {
    await this.conversations.findVisible(actor, id);
    await this.assignees.assertAssignable(actor, userId);
    return this.run(actor, { organizationId: actor.organizationId, conversationId: id, assigneeId: userId, actorUserId: actor.userId, reason: reason || 'assigned' });
  }

  /** A secretary takes an unassigned conversation; of two concurrent claims exactly one wins, the other gets 409. */
  async claim(actor: AuthUser, id: string): Promise<ConversationStateDto> {
    await this.conversations.findVisible(actor, id);
    return this.run(actor, {
      organizationId: actor.organizationId,
      conversationId: id,
      assigneeId: actor.userId,
      actorUserId: actor.userId,
      reason: 'claimed',
      onlyIfUnassigned: true,
    });
  }

  /** Back to the queue. Secretaries may only give up their own (others' are invisible to them anyway). */
  async unassign(actor: AuthUser, id: string): Promise<ConversationStateDto> {
    await this.conversations.findVisible(actor, id);
    const mayUnassignAnyone = hasPermission(actor.role, Permission.ConversationsAssign);
    return this.run(actor, {
      organizationId: actor.organizationId,
      conversationId: id,
      assigneeId: null,
      actorUserId: actor.userId,
      reason: 'unassigned',
      // Checked on the locked row: a secretary must not unassign one that someone else took meanwhile.
      ...(mayUnassignAnyone ? {} : { onlyIfAssignedTo: actor.userId }),
    });
  }

  private async run(actor: AuthUser, params: AssignConversationParams): Promise<ConversationStateDto> {
    const outcome = await this.dataSource.transaction((manager) => this.assignment.assignIn(manager, params));
    assertApplied(actor, params, outcome);
    if (outcome.kind === 'changed') emitAll(this.events, outcome.events);
    const updated = await this.conversations.findById(actor.organizationId, params.conversationId);
    if (!updated) throw conversationNotFound();
    return ConversationStateDto.from(updated, outcome.kind === 'changed');
  }
}

function assertApplied(actor: AuthUser, params: AssignConversationParams, outcome: AssignOutcome): void {
  switch (outcome.kind) {
    case 'missing':
      throw conversationNotFound();
    case 'closed':
      throw new ConversationException(ConversationErrorCode.Closed, 'The conversation is closed; the patient’s next message starts a new one');
    case 'taken':
      if (outcome.assigneeId === actor.userId) return;
      throw new ConversationWorkflowException(ConversationWorkflowErrorCode.AlreadyAssigned, 'Someone else already took this conversation');
    case 'unchanged':
    case 'changed':
      return;
    default: {
      const unexpected: never = outcome;
      throw new Error(`unexpected assignment outcome ${JSON.stringify(unexpected)}`);
    }
  }
}
