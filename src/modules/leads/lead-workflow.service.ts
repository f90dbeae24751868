import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { validationFailed } from 'src/common/validation/validation';
import { isUniqueViolation } from 'src/database/pg-errors';
import { CreateLeadInteractionDto } from './dto/create-lead-interaction.dto';
import { LeadInteractionDto } from './dto/lead-activity-response.dto';
import { LeadDetailDto } from './dto/lead-response.dto';
import { UpdateLeadDto } from './dto/update-lead.dto';
import { LeadActivityRepository } from './lead-activity.repository';
import { LeadAssignees } from './lead-assignees';
import { applyLeadEdits } from './lead-edits';
import { LeadEvents } from './lead-events';
import { LeadEntity } from './lead.entity';
import { LeadField } from './leads.constants';
import { conversationHasOpenLead, LeadErrorCode, LeadException, leadNotFound } from './leads.exceptions';
import { LeadsRepository } from './leads.repository';
import { LeadsService } from './leads.service';

/** A logged call may be typed a little after the fact, never ahead of the clock (allowing for skew). */
const INTERACTION_CLOCK_SKEW_MS = 5 * 60_000;
const OPEN_LEAD_INDEX = 'UQ_leads_open_conversation';

/** Staff's changes to a lead: edits, interactions, soft delete and restore; each one kept in its history. */
@Injectable()
export class LeadWorkflowService {
  constructor(
    private readonly repository: LeadsRepository,
    private readonly activity: LeadActivityRepository,
    private readonly assignees: LeadAssignees,
    private readonly events: LeadEvents,
    private readonly leads: LeadsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async update(actor: AuthUser, id: string, dto: UpdateLeadDto): Promise<LeadDetailDto> {
    await this.guardOpenLead(() =>
      this.dataSource.transaction(async (manager) => {
        const lead = await this.lockVisible(manager, actor, id);
        const previousAssignee = lead.assignedToId;
        const changes = applyLeadEdits(lead, dto);
        if (changes.length === 0) return;
        if (lead.assignedToId !== previousAssignee && lead.assignedToId) await this.assignees.assertAssignable(actor.organizationId, lead.assignedToId);
        await manager.getRepository(LeadEntity).save(lead);
        await this.activity.recordChanges(manager, actor.organizationId, lead.id, actor.userId, changes);
        this.events.updated(manager, actor.organizationId, lead.id, changes.map((change) => change.field));
        if (lead.assignedToId !== previousAssignee) {
          this.events.assigned(manager, {
            organizationId: actor.organizationId,
            leadId: lead.id,
            assignedToId: lead.assignedToId,
            previousAssigneeId: previousAssignee,
            actorUserId: actor.userId,
          });
        }
      }),
    );
    // Read in the organization's scope: a secretary who just handed the lead to a colleague still gets her answer.
    return this.leads.detailInOrganization(actor.organizationId, id);
  }

  async addInteraction(actor: AuthUser, id: string, dto: CreateLeadInteractionDto): Promise<LeadInteractionDto> {
    const occurredAt = dto.occurred_at ? new Date(dto.occurred_at) : new Date();
    if (occurredAt.getTime() > Date.now() + INTERACTION_CLOCK_SKEW_MS) {
      throw validationFailed([{ field: 'occurred_at', errors: ['occurred_at must not be in the future'] }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const lead = await this.lockVisible(manager, actor, id);
      const saved = await this.activity.addInteraction(
        { organizationId: actor.organizationId, leadId: lead.id, type: dto.type, body: dto.body, occurredAt, authorId: actor.userId },
        manager,
      );
      this.events.updated(manager, actor.organizationId, lead.id, ['interactions']);
      return LeadInteractionDto.from(saved);
    });
  }

  /** Soft delete: the lead leaves lists, detail and figures until an admin restores it. */
  async remove(actor: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const lead = await this.lockVisible(manager, actor, id);
      await manager.getRepository(LeadEntity).softDelete({ id: lead.id, organizationId: actor.organizationId });
      await this.activity.recordChanges(manager, actor.organizationId, lead.id, actor.userId, [{ field: LeadField.Deleted, oldValue: false, newValue: true }]);
      this.events.updated(manager, actor.organizationId, lead.id, [LeadField.Deleted]);
    });
  }

  async restore(actor: AuthUser, id: string): Promise<LeadDetailDto> {
    await this.guardOpenLead(() =>
      this.dataSource.transaction(async (manager) => {
        const lead = await this.repository.lockDeleted(manager, actor.organizationId, id);
        if (!lead) throw leadNotFound();
        if (!lead.deletedAt) throw new LeadException(LeadErrorCode.NotDeleted, 'The lead is not deleted');
        if (lead.mergedIntoId) {
          throw new LeadException(LeadErrorCode.Merged, 'The lead was merged into another; its history lives there now', { merged_into_id: lead.mergedIntoId });
        }
        await manager.getRepository(LeadEntity).restore({ id: lead.id, organizationId: actor.organizationId });
        await this.activity.recordChanges(manager, actor.organizationId, lead.id, actor.userId, [{ field: LeadField.Deleted, oldValue: true, newValue: false }]);
        this.events.updated(manager, actor.organizationId, lead.id, [LeadField.Deleted]);
      }),
    );
    return this.leads.detailInOrganization(actor.organizationId, id);
  }

  private async lockVisible(manager: EntityManager, actor: AuthUser, id: string): Promise<LeadEntity> {
    const lead = await this.repository.lockVisible(manager, actor, id);
    if (!lead) throw leadNotFound();
    return lead;
  }

  /** Reopening or restoring a lead whose conversation has opened another one meanwhile would break "one open lead per conversation". */
  private async guardOpenLead(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (isUniqueViolation(error, OPEN_LEAD_INDEX)) throw conversationHasOpenLead();
      throw error;
    }
  }
}
