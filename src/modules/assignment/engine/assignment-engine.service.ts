import { Injectable, Logger } from '@nestjs/common';
import { ConversationAssignmentService, WaitingConversation } from 'src/modules/conversations/assignment/conversation-assignment.service';
import { ConversationsService } from 'src/modules/conversations/conversations.service';
import { LeadsService } from 'src/modules/leads/leads.service';
import { AvailabilityService } from '../availability/availability.service';
import { DepartmentRouter } from '../routing/department-router';
import { DepartmentRoutingService } from '../routing/department-routing.service';
import { AssignmentRule } from '../settings/assignment-settings.entity';
import { AssignmentSettingsService } from '../settings/assignment-settings.service';
import { CandidatePool, Choice } from './candidate-pool';
import { OrganizationLock } from './organization-lock';

/** How many waiting conversations and leads one run looks at; the rest wait for the next run. */
export const ASSIGNMENT_BATCH = 200;

export interface AssignmentRunResult {
  conversations: number;
  leads: number;
  /** Items left waiting: nobody eligible in their department, or taken by someone else meanwhile. */
  waiting: number;
}

type WaitingLead = Awaited<ReturnType<LeadsService['waitingUnassigned']>>[number];

const NOTHING: AssignmentRunResult = { conversations: 0, leads: 0, waiting: 0 };

/**
 * Gives waiting conversations and leads to eligible secretaries by the organization's rule. Runs of one
 * organization are serialized by an advisory lock, so round robin and load counts see every earlier
 * assignment; each assignment is still a compare-and-set (only if unassigned), so a secretary claiming by
 * hand at the same moment wins or loses cleanly and no item ever has two owners.
 */
@Injectable()
export class AssignmentEngine {
  private readonly logger = new Logger(AssignmentEngine.name);

  constructor(
    private readonly lock: OrganizationLock,
    private readonly availability: AvailabilityService,
    private readonly settings: AssignmentSettingsService,
    private readonly routing: DepartmentRoutingService,
    private readonly conversationAssignment: ConversationAssignmentService,
    private readonly conversations: ConversationsService,
    private readonly leads: LeadsService,
  ) {}

  async assignWaiting(organizationId: string): Promise<AssignmentRunResult> {
    const outcome = await this.lock.run(organizationId, () => this.runLocked(organizationId));
    // Thrown so the job retries: the run holding the lock may have read the queue before this item arrived.
    if (!outcome) throw new Error(`assignment lock of organization ${organizationId} stayed busy`);
    return outcome.value;
  }

  private async runLocked(organizationId: string): Promise<AssignmentRunResult> {
    const eligible = await this.availability.eligible(organizationId, new Date());
    if (eligible.length === 0) return NOTHING;
    const [conversations, leads] = await Promise.all([
      this.conversationAssignment.waitingUnassigned(organizationId, ASSIGNMENT_BATCH),
      this.leads.waitingUnassigned(organizationId, ASSIGNMENT_BATCH),
    ]);
    if (conversations.length + leads.length === 0) return NOTHING;
    const userIds = eligible.map((secretary) => secretary.userId);
    const [rule, router] = await Promise.all([
      this.settings.ruleOf(organizationId),
      this.routing.routerFor(organizationId, conversations.map((item) => item.id), leads.map((item) => item.id)),
    ]);
    const loads = rule === AssignmentRule.LeastLoad ? await this.loads(organizationId, userIds) : new Map<string, number>();
    const pool = new CandidatePool(rule, eligible, loads);
    // A patient waiting in the chat comes before a lead to follow up; each list is already oldest (and urgent) first.
    const result = { ...NOTHING };
    for (const conversation of conversations) {
      if (await this.assignConversation(organizationId, conversation, router, pool)) result.conversations += 1;
      else result.waiting += 1;
    }
    for (const lead of leads) {
      if (await this.assignLead(organizationId, lead, router, pool)) result.leads += 1;
      else result.waiting += 1;
    }
    if (result.conversations + result.leads > 0) this.logger.log({ organizationId, rule, ...result }, 'assigned waiting work');
    return result;
  }

  private async assignConversation(organizationId: string, item: WaitingConversation, router: DepartmentRouter, pool: CandidatePool): Promise<boolean> {
    const partnerId = (await this.leads.findOpenByConversation(organizationId, item.id))?.assignedToId ?? null;
    const choice = pool.choose(router.conversationMembers(item.id, item.procedure), partnerId);
    if (!choice) return false;
    const assigned = await this.conversationAssignment.assign({
      organizationId,
      conversationId: item.id,
      assigneeId: choice.userId,
      actorUserId: null,
      reason: choice.reason,
      onlyIfUnassigned: true,
    });
    return this.settle(organizationId, assigned, choice, pool);
  }

  private async assignLead(organizationId: string, item: WaitingLead, router: DepartmentRouter, pool: CandidatePool): Promise<boolean> {
    const partnerId = item.conversationId ? ((await this.conversations.findById(organizationId, item.conversationId))?.assignedToId ?? null) : null;
    const choice = pool.choose(router.leadMembers(item.id, item.procedure), partnerId);
    if (!choice) return false;
    const assigned = await this.leads.assign({
      organizationId,
      leadId: item.id,
      assigneeId: choice.userId,
      actorUserId: null,
      reason: choice.reason,
      onlyIfUnassigned: true,
    });
    return this.settle(organizationId, assigned, choice, pool);
  }

  private async settle(organizationId: string, assigned: boolean, choice: Choice, pool: CandidatePool): Promise<boolean> {
    if (!assigned) return false;
    pool.recordAssignment(choice.userId, await this.availability.markAssigned(organizationId, choice.userId));
    return true;
  }

  private async loads(organizationId: string, userIds: string[]): Promise<Map<string, number>> {
    const [conversations, leads] = await Promise.all([
      this.conversationAssignment.openLoadByAssignee(organizationId, userIds),
      this.leads.openLoadByAssignee(organizationId, userIds),
    ]);
    return new Map(userIds.map((userId) => [userId, (conversations.get(userId) ?? 0) + (leads.get(userId) ?? 0)]));
  }
}
