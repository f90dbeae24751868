import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { LeadActivityRepository } from './lead-activity.repository';
import { LeadEvents } from './lead-events';
import { LeadEntity } from './lead.entity';
import { CLOSED_LEAD_STATUSES, LeadField } from './leads.constants';

export interface AssignLeadParams {
  organizationId: string;
  leadId: string;
  assigneeId: string | null;
  /** Null when the assignment engine (not a person) decides. */
  actorUserId: string | null;
  reason: string;
  /** Only take a lead nobody holds: of concurrent calls at most one wins. */
  onlyIfUnassigned?: boolean;
}

export interface WaitingLead {
  id: string;
  procedure: string | null;
  conversationId: string | null;
  waitingSince: Date;
}

/**
 * The lead side of fair assignment, for the assignment engine and user deactivation. Every write locks the
 * lead rows it changes, so two workers never hand one lead to two people; events follow the commit.
 */
@Injectable()
export class LeadAssignmentService {
  constructor(
    private readonly activity: LeadActivityRepository,
    private readonly events: LeadEvents,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * True when the lead ends up with `assigneeId` because of this call or already had it; false with
   * `onlyIfUnassigned` when anyone already holds it (so of two racing callers exactly one sees true), and
   * when the lead is missing, deleted or another clinic's.
   * The caller vouches for the assignee (the engine picks active secretaries; the API checks them first).
   */
  async assign(params: AssignLeadParams): Promise<boolean> {
    const { organizationId, leadId, assigneeId, actorUserId, reason } = params;
    if (!isUUID(leadId)) return false;
    return this.dataSource.transaction(async (manager) => {
      const lead = await manager.getRepository(LeadEntity).findOne({ where: { id: leadId, organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!lead) return false;
      const previous = lead.assignedToId;
      if (params.onlyIfUnassigned && previous !== null) return false;
      if (previous === assigneeId) return true;
      await manager.getRepository(LeadEntity).update({ id: leadId, organizationId }, { assignedToId: assigneeId });
      await this.activity.recordChanges(manager, organizationId, leadId, actorUserId, [{ field: LeadField.AssignedToId, oldValue: previous, newValue: assigneeId, reason }]);
      this.events.assigned(manager, { organizationId, leadId, assignedToId: assigneeId, previousAssigneeId: previous, actorUserId });
      this.events.updated(manager, organizationId, leadId, [LeadField.AssignedToId]);
      return true;
    });
  }

  /** Open (not converted, lost or deleted) leads per user; every asked user is in the map, 0 when idle. */
  async openLoadByAssignee(organizationId: string, userIds: string[]): Promise<Map<string, number>> {
    const load = new Map(userIds.map((userId) => [userId, 0]));
    const ids = userIds.filter((userId) => isUUID(userId));
    if (ids.length === 0) return load;
    const rows: { assigned_to_id: string; open: string }[] = await this.openLeads(organizationId)
      .select('lead.assigned_to_id', 'assigned_to_id')
      .addSelect('COUNT(*)', 'open')
      .andWhere('lead.assigned_to_id IN (:...ids)', { ids })
      .groupBy('lead.assigned_to_id')
      .getRawMany();
    for (const row of rows) load.set(row.assigned_to_id, Number(row.open));
    return load;
  }

  /** Puts every open lead of the user back in the unassigned queue (e.g. she was deactivated); the ids moved. */
  async unassignAllOf(organizationId: string, userId: string, actorUserId: string | null): Promise<string[]> {
    if (!isUUID(userId)) return [];
    return this.dataSource.transaction(async (manager) => {
      const leads = await this.openLeads(organizationId, manager)
        .andWhere('lead.assigned_to_id = :userId', { userId })
        .orderBy('lead.id')
        .setLock('pessimistic_write')
        .getMany();
      if (leads.length === 0) return [];
      const ids = leads.map((lead) => lead.id);
      await manager.getRepository(LeadEntity).createQueryBuilder().update().set({ assignedToId: null }).whereInIds(ids).execute();
      for (const leadId of ids) {
        await this.activity.recordChanges(manager, organizationId, leadId, actorUserId, [
          { field: LeadField.AssignedToId, oldValue: userId, newValue: null, reason: 'returned to the queue' },
        ]);
        this.events.assigned(manager, { organizationId, leadId, assignedToId: null, previousAssigneeId: userId, actorUserId });
        this.events.updated(manager, organizationId, leadId, [LeadField.AssignedToId]);
      }
      return ids;
    });
  }

  /** Open leads nobody holds, longest waiting first (IDX_leads_org_assigned_created serves it). */
  async waitingUnassigned(organizationId: string, limit: number): Promise<WaitingLead[]> {
    const leads = await this.openLeads(organizationId)
      .andWhere('lead.assigned_to_id IS NULL')
      .orderBy('lead.created_at', 'ASC')
      .addOrderBy('lead.id', 'ASC')
      .limit(Math.max(0, Math.floor(limit)))
      .getMany();
    return leads.map((lead) => ({ id: lead.id, procedure: lead.procedure, conversationId: lead.conversationId, waitingSince: lead.createdAt }));
  }

  private openLeads(organizationId: string, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<LeadEntity> {
    return manager
      .getRepository(LeadEntity)
      .createQueryBuilder('lead')
      .where('lead.organization_id = :organizationId', { organizationId })
      .andWhere('lead.status NOT IN (:...closed)', { closed: CLOSED_LEAD_STATUSES });
  }
}
