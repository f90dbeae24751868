import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { Brackets, EntityManager, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { hasPermission, Permission } from 'src/common/auth/permissions';
import { Page, PageQueryDto, pageOf, toPage } from 'src/common/pagination';
import { ListTotal, rowCount, settleTotal, TallyTable, tallyCount } from 'src/database/tallies';
import { ListLeadsQueryDto, UNASSIGNED } from './dto/list-leads-query.dto';
import { LeadConversationEntity } from './lead-conversation.entity';
import { LeadScoreHistoryEntity } from './lead-score-history.entity';
import { LeadEntity } from './lead.entity';
import { CLOSED_LEAD_STATUSES } from './leads.constants';

type Actor = Pick<AuthUser, 'organizationId' | 'userId' | 'role'>;

const SORT_COLUMNS = { created_at: 'lead.created_at', score: 'lead.score' } as const;

const LEAD_TALLIES: TallyTable = { name: 'lead_tallies', groupColumns: ['status', 'source', 'assigned_to_id'], countColumn: 'leads' };

/** What a new lead is inserted with; the rest takes the column defaults. */
export type NewLead = Pick<
  LeadEntity,
  'organizationId' | 'contactId' | 'conversationId' | 'source' | 'assignedToId' | 'patientName' | 'procedure' | 'preferredTime' | 'intent'
>;

/**
 * The organization, and for secretaries (no LeadsReadAll) "assigned to me or unassigned", in the WHERE
 * clause: another secretary's lead must answer 404 like a missing one, so its existence never leaks.
 */
export function scopeLeads<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor): SelectQueryBuilder<T> {
  qb.andWhere('lead.organization_id = :scopeOrganizationId', { scopeOrganizationId: actor.organizationId });
  if (!hasPermission(actor.role, Permission.LeadsReadAll)) {
    qb.andWhere(
      new Brackets((inner) =>
        inner.where('lead.assigned_to_id = :scopeUserId', { scopeUserId: actor.userId }).orWhere('lead.assigned_to_id IS NULL'),
      ),
    );
  }
  return qb;
}

function applyFilters<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, query: ListLeadsQueryDto): SelectQueryBuilder<T> {
  if (query.status?.length) qb.andWhere('lead.status IN (:...statuses)', { statuses: query.status });
  if (query.source?.length) qb.andWhere('lead.source IN (:...sources)', { sources: query.source });
  if (query.assigned_to_id === UNASSIGNED) qb.andWhere('lead.assigned_to_id IS NULL');
  else if (query.assigned_to_id) qb.andWhere('lead.assigned_to_id = :assignedToId', { assignedToId: query.assigned_to_id });
  if (query.min_score !== undefined) qb.andWhere('lead.score >= :minScore', { minScore: query.min_score });
  if (query.max_score !== undefined) qb.andWhere('lead.score <= :maxScore', { maxScore: query.max_score });
  if (query.created_from) qb.andWhere('lead.created_at >= CAST(:createdFrom AS timestamptz)', { createdFrom: query.created_from });
  // Stored with microseconds, shown with milliseconds: a lead's own created_at must still match `created_to`.
  if (query.created_to) qb.andWhere("lead.created_at < CAST(:createdTo AS timestamptz) + interval '1 millisecond'", { createdTo: query.created_to });
  return qb;
}

/** The leads module's SQL: scoped reads for the API, and the race-safe insert the AI pipeline relies on. */
@Injectable()
export class LeadsRepository {
  constructor(
    @InjectRepository(LeadEntity) private readonly leads: Repository<LeadEntity>,
    @InjectRepository(LeadScoreHistoryEntity) private readonly history: Repository<LeadScoreHistoryEntity>,
    @InjectRepository(LeadConversationEntity) private readonly links: Repository<LeadConversationEntity>,
  ) {}

  async listPage(actor: Actor, query: ListLeadsQueryDto): Promise<Page<LeadEntity>> {
    const qb = this.withContact();
    scopeLeads(qb, actor);
    applyFilters(qb, query);
    const count = this.countQuery(actor, query);
    // The count rides along as a column; only an empty page needs it asked on its own.
    const paged = pageOf(qb, query, SORT_COLUMNS).addSelect(`(${count.query.getQuery()})`, 'list_total').setParameters(count.query.getParameters());
    const { entities, raw } = await paged.getRawAndEntities<{ list_total: ListTotal }>();
    const counted = raw[0]?.list_total ?? (await count.query.getRawOne<{ list_total: ListTotal }>())?.list_total ?? [0, 0];
    return toPage(entities, settleTotal(this.leads.manager, count.tally, actor.organizationId, counted), query);
  }

  /** Exact: from the tally when every filter is one of its columns, else counted on the filter's index. */
  private countQuery(actor: Actor, query: ListLeadsQueryDto): { query: SelectQueryBuilder<ObjectLiteral>; tally: TallyTable | null } {
    const rowFilters = [query.created_from, query.created_to, query.min_score, query.max_score];
    if (rowFilters.every((value) => value === undefined)) {
      const tallied = this.leads.manager.createQueryBuilder().from(LEAD_TALLIES.name, 'lead');
      return { query: tallyCount(LEAD_TALLIES, applyFilters(scopeLeads(tallied, actor), query)), tally: LEAD_TALLIES };
    }
    return { query: rowCount(applyFilters(scopeLeads(this.leads.createQueryBuilder('lead'), actor), query)), tally: null };
  }

  findVisibleWithContact(actor: Actor, id: string): Promise<LeadEntity | null> {
    const qb = this.withContact().andWhere('lead.id = :id', { id });
    return scopeLeads(qb, actor).getOne();
  }

  /** Newest first; the id breaks ties between scores recorded in one transaction. */
  async historyPage(organizationId: string, leadId: string, page: PageQueryDto): Promise<Page<LeadScoreHistoryEntity>> {
    const [rows, total] = await this.history
      .createQueryBuilder('entry')
      .where('entry.organization_id = :organizationId AND entry.lead_id = :leadId', { organizationId, leadId })
      .orderBy('entry.created_at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return toPage(rows, total, page);
  }

  /**
   * The conversation's open lead: its own, else the one that absorbed it in a merge (so the AI keeps
   * scoring the surviving lead instead of opening a duplicate). Two queries, each on its own index.
   */
  async findOpenByConversation(organizationId: string, conversationId: string, manager?: EntityManager): Promise<LeadEntity | null> {
    if (!isUUID(conversationId)) return null;
    const open = (): SelectQueryBuilder<LeadEntity> =>
      this.repository(manager)
        .createQueryBuilder('lead')
        .where('lead.organization_id = :organizationId', { organizationId })
        .andWhere('lead.status NOT IN (:...closed)', { closed: CLOSED_LEAD_STATUSES });
    const own = await open().andWhere('lead.conversation_id = :conversationId', { conversationId }).getOne();
    if (own) return own;
    return open()
      .innerJoin(LeadConversationEntity, 'link', 'link.lead_id = lead.id AND link.organization_id = lead.organization_id')
      .andWhere('link.conversation_id = :conversationId', { conversationId })
      .orderBy('lead.created_at', 'DESC')
      .getOne();
  }

  /** Locks a lead the caller may see (not deleted) for the rest of the transaction. */
  lockVisible(manager: EntityManager, actor: Actor, id: string): Promise<LeadEntity | null> {
    const qb = manager.getRepository(LeadEntity).createQueryBuilder('lead').where('lead.id = :id', { id });
    return scopeLeads(qb, actor).setLock('pessimistic_write').getOne();
  }

  /** A soft-deleted lead of the organization, locked. */
  lockDeleted(manager: EntityManager, organizationId: string, id: string): Promise<LeadEntity | null> {
    return manager
      .getRepository(LeadEntity)
      .createQueryBuilder('lead')
      .withDeleted()
      .where('lead.id = :id AND lead.organization_id = :organizationId', { id, organizationId })
      .setLock('pessimistic_write')
      .getOne();
  }

  findManyWithContact(organizationId: string, ids: string[]): Promise<LeadEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.withContact()
      .andWhere('lead.organization_id = :organizationId AND lead.id IN (:...ids)', { organizationId, ids })
      .orderBy('lead.created_at', 'ASC')
      .addOrderBy('lead.id', 'ASC')
      .getMany();
  }

  /** Conversations a lead absorbed by merges, oldest link first. */
  async linkedConversationIds(organizationId: string, leadId: string): Promise<string[]> {
    const links = await this.links.find({ where: { organizationId, leadId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return links.map((link) => link.conversationId);
  }

  findById(organizationId: string, id: string, manager?: EntityManager): Promise<LeadEntity | null> {
    return this.repository(manager).findOneBy({ id, organizationId });
  }

  /**
   * Inserts the conversation's open lead unless one exists: ON CONFLICT DO NOTHING against
   * UQ_leads_open_conversation, so concurrent callers cannot create two. The id when inserted, else null.
   */
  async insertOpenUnlessExists(values: NewLead, manager?: EntityManager): Promise<string | null> {
    const result = await this.repository(manager).createQueryBuilder().insert().into(LeadEntity).values(values).orIgnore().returning(['id']).execute();
    const rows = result.raw as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** Locks the lead's row for the rest of the transaction, so concurrent scores apply one after the other. */
  lockForUpdate(manager: EntityManager, organizationId: string, id: string): Promise<LeadEntity | null> {
    return manager.getRepository(LeadEntity).findOne({ where: { id, organizationId }, lock: { mode: 'pessimistic_write' } });
  }

  withContact(): SelectQueryBuilder<LeadEntity> {
    // A patient deleted later keeps their leads listed (with name and phone): withDeleted reaches the join,
    // so the lead's own soft delete is filtered by hand.
    return this.leads.createQueryBuilder('lead').withDeleted().leftJoinAndSelect('lead.contact', 'contact').where('lead.deleted_at IS NULL');
  }

  private repository(manager?: EntityManager): Repository<LeadEntity> {
    return manager ? manager.getRepository(LeadEntity) : this.leads;
  }
}
