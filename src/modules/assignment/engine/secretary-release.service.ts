import { Injectable, Logger } from '@nestjs/common';
import { ConversationAssignmentService } from 'src/modules/conversations/assignment/conversation-assignment.service';
import { LeadsService } from 'src/modules/leads/leads.service';
import { SecretaryDirectory } from '../secretary-directory';
import { AssignmentEngine, AssignmentRunResult } from './assignment-engine.service';

export interface ReleaseResult extends AssignmentRunResult {
  releasedConversations: number;
  releasedLeads: number;
}

/**
 * A secretary changed. If she can no longer work items (deactivated, deleted, or a role that cannot answer
 * patients), her open conversations and leads go back to the queue; then the queue is assigned again, which
 * also serves a secretary who just became available.
 */
@Injectable()
export class SecretaryReleaseService {
  private readonly logger = new Logger(SecretaryReleaseService.name);

  constructor(
    private readonly directory: SecretaryDirectory,
    private readonly conversationAssignment: ConversationAssignmentService,
    private readonly leads: LeadsService,
    private readonly engine: AssignmentEngine,
  ) {}

  async handleChange(organizationId: string, userId: string): Promise<ReleaseResult> {
    let releasedConversations = 0;
    let releasedLeads = 0;
    if (!(await this.directory.canKeepWork(organizationId, userId))) {
      releasedConversations = (await this.conversationAssignment.unassignAllOf(organizationId, userId, null)).length;
      releasedLeads = (await this.leads.unassignAllOf(organizationId, userId, null)).length;
      this.logger.log({ organizationId, userId, releasedConversations, releasedLeads }, 'returned a departed secretary’s work to the queue');
    }
    return { releasedConversations, releasedLeads, ...(await this.engine.assignWaiting(organizationId)) };
  }
}
