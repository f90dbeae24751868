import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { Page, PageQueryDto, toPage } from 'src/common/pagination';
import { MergeLeadsDto } from './dto/merge-leads.dto';
import { LeadDetailDto, LeadDuplicateGroupDto, LeadSummaryDto } from './dto/lead-response.dto';
import { LeadActivityRepository } from './lead-activity.repository';
import { LeadChange } from './lead-changes';
import { LeadConversationEntity } from './lead-conversation.entity';
import { LeadEvents } from './lead-events';
import { LeadScoreHistoryEntity } from './lead-score-history.entity';
import { LeadEntity } from './lead.entity';
import { CLOSED_LEAD_STATUSES, LeadField } from './leads.constants';
import { leadNotFound } from './leads.exceptions';
import { LeadsRepository, scopeLeads } from './leads.repository';
import { LeadsService } from './leads.service';

interface DuplicateRow {
  phone: string;
  lead_ids: string[];
}

/** Facts the target lacks are taken from the source; what the target knows is never overwritten. */
const FILLABLE = ['patientName', 'procedure', 'preferredTime', 'appointmentAt', 'assignedToId'] as const;

/** Finding the same patient's open leads, and folding one into another without losing any of its history. */
@Injectable()
export class LeadMergeService {
  constructor(
    private readonly repository: LeadsRepository,
    private readonly activity: LeadActivityRepository,
    private readonly events: LeadEvents,
    private readonly leads: LeadsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Groups of two or more open leads the caller can see whose patients share a phone (contacts.phone is
   * E.164; digits only, so formatting never splits a group), ordered by phone.
   */
  async duplicates(actor: AuthUser, query: PageQueryDto): Promise<Page<LeadDuplicateGroupDto>> {
    const grouped = this.dataSource
      .getRepository(LeadEntity)
      .createQueryBuilder('lead')
      .withDeleted()
      .innerJoin('lead.contact', 'contact')
      .select(`regexp_replace(contact.phone, '[^0-9]', '', 'g')`, 'phone')
      .addSelect('array_agg(lead.id::text ORDER BY lead.created_at, lead.id)', 'lead_ids')
      .where('lead.deleted_at IS NULL')
      .andWhere('contact.phone IS NOT NULL')
      .andWhere('lead.status NOT IN (:...closed)', { closed: CLOSED_LEAD_STATUSES })
      .groupBy('1')
      .having('COUNT(*) > 1');
    scopeLeads(grouped, actor);
    const [rows, total] = await Promise.all([
      grouped.clone().orderBy('1').offset(query.offset).limit(query.limit).getRawMany<DuplicateRow>(),
      this.dataSource
        .createQueryBuilder()
        .select('COUNT(*)', 'total')
        .from(`(${grouped.getQuery()})`, 'groups')
        .setParameters(grouped.getParameters())
        .getRawOne<{ total: string }>(),
    ]);
    const leads = await this.repository.findManyWithContact(actor.organizationId, rows.flatMap((row) => row.lead_ids));
    const byId = new Map(leads.map((lead) => [lead.id, LeadSummaryDto.from(lead)]));
    const items = rows.map((row) => ({ phone: row.phone, leads: row.lead_ids.flatMap((id) => byId.get(id) ?? []) }));
    return toPage(items, Number(total?.total ?? 0), query);
  }

  /**
   * Folds the source into the target in one transaction: interactions, edit and score history and
   * conversation links move to the target; the source is soft-deleted and points at it. Both must be
   * visible to the caller (404 otherwise, whichever it is).
   */
  async merge(actor: AuthUser, dto: MergeLeadsDto): Promise<LeadDetailDto> {
    const { organizationId } = actor;
    await this.dataSource.transaction(async (manager) => {
      // Locked in id order, so two merges of the same pair in opposite directions cannot deadlock.
      const [first, second] = [dto.source_id, dto.target_id].sort();
      const locked = new Map<string, LeadEntity>();
      for (const id of [first, second]) {
        const lead = await this.repository.lockVisible(manager, actor, id);
        if (!lead) throw leadNotFound();
        locked.set(id, lead);
      }
      const source = locked.get(dto.source_id) as LeadEntity;
      const target = locked.get(dto.target_id) as LeadEntity;

      await this.activity.moveAll(manager, organizationId, source.id, target.id);
      await manager.getRepository(LeadScoreHistoryEntity).update({ organizationId, leadId: source.id }, { leadId: target.id });
      await manager.getRepository(LeadEntity).update({ id: source.id, organizationId }, { mergedIntoId: target.id, deletedAt: new Date() });
      await this.moveConversations(manager, source, target);
      const previousAssignee = target.assignedToId;
      for (const field of FILLABLE) if (target[field] === null && source[field] !== null) Object.assign(target, { [field]: source[field] });
      if (source.notes) target.notes = target.notes ? `${target.notes}\n\n${source.notes}` : source.notes;
      await manager.getRepository(LeadEntity).save(target);
      const changes: LeadChange[] = [{ field: LeadField.MergedFrom, oldValue: null, newValue: source.id }];
      if (target.assignedToId !== previousAssignee) changes.push({ field: LeadField.AssignedToId, oldValue: previousAssignee, newValue: target.assignedToId });
      await this.activity.recordChanges(manager, organizationId, target.id, actor.userId, changes);
      await this.activity.recordChanges(manager, organizationId, source.id, actor.userId, [{ field: LeadField.Deleted, oldValue: false, newValue: true, reason: `merged into ${target.id}` }]);
      this.events.updated(manager, organizationId, source.id, [LeadField.Deleted]);
      this.events.updated(manager, organizationId, target.id, changes.map((change) => change.field));
      if (target.assignedToId !== previousAssignee) {
        this.events.assigned(manager, { organizationId, leadId: target.id, assignedToId: target.assignedToId, previousAssigneeId: previousAssignee, actorUserId: actor.userId });
      }
    });
    return this.leads.detailInOrganization(organizationId, dto.target_id);
  }

  /**
   * The source's conversation becomes the target's own when it has none (the source is deleted first, so
   * the one-open-lead index never sees both); otherwise it, and any the source had absorbed, become links.
   */
  private async moveConversations(manager: EntityManager, source: LeadEntity, target: LeadEntity): Promise<void> {
    const { organizationId } = target;
    const links = manager.getRepository(LeadConversationEntity);
    const absorbed = (await links.find({ where: { organizationId, leadId: source.id } })).map((link) => link.conversationId);
    await links.delete({ organizationId, leadId: source.id });
    const conversations = [source.conversationId, ...absorbed].filter((id): id is string => id !== null && id !== target.conversationId);
    if (target.conversationId === null && source.conversationId !== null) {
      target.conversationId = source.conversationId;
      conversations.shift();
    }
    if (conversations.length === 0) return;
    await links
      .createQueryBuilder()
      .insert()
      .values(conversations.map((conversationId) => ({ organizationId, leadId: target.id, conversationId })))
      .orIgnore()
      .execute();
  }
}
