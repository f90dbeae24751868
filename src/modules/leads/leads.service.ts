import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { DomainEvent, DomainEventPayloads } from 'src/common/events/domain-events';
import { Page, PageQueryDto } from 'src/common/pagination';
import { ConversationsService } from 'src/modules/conversations/conversations.service';
import { DETAIL_INTERACTION_COUNT, LeadActivityRepository } from './lead-activity.repository';
import { AssignLeadParams, LeadAssignmentService, WaitingLead } from './lead-assignment.service';
import { LeadEvents } from './lead-events';
import { LeadDetailDto, LeadSummaryDto } from './dto/lead-response.dto';
import { LeadScoreHistoryItemDto } from './dto/lead-score-history-response.dto';
import { ListLeadsQueryDto } from './dto/list-leads-query.dto';
import { assertValidScore, initialFacts, mergeFacts, storedReasons } from './lead-facts';
import { LeadScoreHistoryEntity } from './lead-score-history.entity';
import { LeadEntity } from './lead.entity';
import { LeadFacts, LeadScoreInput, LeadSource } from './leads.constants';
import { LeadErrorCode, LeadException, leadNotFound } from './leads.exceptions';
import { LeadsRepository, NewLead } from './leads.repository';

export interface EnsureLeadParams {
  organizationId: string;
  conversationId: string;
  contactId: string;
  source: LeadSource;
  /** Omitted: the conversation's assignee. Null: explicitly unassigned. */
  assignedToId?: string | null;
  facts?: LeadFacts;
}

export interface EnsureLeadResult {
  lead: LeadEntity;
  created: boolean;
}

export interface RecordScoreMeta {
  /** The intent detected in the scored turn; overrides `facts.intent`. */
  intent?: string | null;
  facts?: LeadFacts;
}

/**
 * A lead closed (converted or lost) between our insert's conflict and our re-read frees the conversation
 * for a new one; one more attempt settles it. Three in a row would mean a bug, not a race.
 */
const ENSURE_ATTEMPTS = 3;

/** Leads: opened and scored by the AI front desk, read by staff; the entry point other modules use. */
@Injectable()
export class LeadsService {
  constructor(
    private readonly repository: LeadsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conversations: ConversationsService,
    private readonly events: LeadEvents,
    private readonly activity: LeadActivityRepository,
    private readonly assignment: LeadAssignmentService,
  ) {}

  /**
   * The conversation's open lead, created when it has none. Idempotent and race-safe: concurrent calls
   * (two workers on one conversation) get the same lead, and only the call that created it sees
   * `created: true` and emits `lead.created`, after the transaction commits. Facts and assignee are taken
   * only on creation; later facts arrive with `recordScore`.
   */
  async ensureForConversation(params: EnsureLeadParams, manager?: EntityManager): Promise<EnsureLeadResult> {
    const { organizationId, conversationId } = params;
    const existing = await this.repository.findOpenByConversation(organizationId, conversationId, manager);
    if (existing) return { lead: existing, created: false };

    const values = await this.newLeadValues(params);
    for (let attempt = 0; attempt < ENSURE_ATTEMPTS; attempt += 1) {
      const insertedId = await this.repository.insertOpenUnlessExists(values, manager);
      if (insertedId) {
        const lead = await this.repository.findById(organizationId, insertedId, manager);
        if (!lead) throw new Error(`lead ${insertedId} vanished right after its insert`);
        this.emitAfterCommit(manager, DomainEvent.LeadCreated, { organizationId, leadId: lead.id, contactId: lead.contactId, conversationId });
        return { lead, created: true };
      }
      const lead = await this.repository.findOpenByConversation(organizationId, conversationId, manager);
      if (lead) return { lead, created: false };
    }
    throw new Error(`could not create or find the open lead of conversation ${conversationId}`);
  }

  /**
   * Stores a new score as the lead's current one and appends it to the history, in one transaction (the
   * caller's, when given). Facts said in this turn replace known ones; facts not said never erase them.
   * Emits `lead.scored` after commit.
   */
  async recordScore(
    organizationId: string,
    leadId: string,
    score: LeadScoreInput,
    meta: RecordScoreMeta = {},
    manager?: EntityManager,
  ): Promise<LeadEntity> {
    assertValidScore(score);
    if (!isUUID(leadId)) throw leadNotFound();
    return (manager ?? this.dataSource.manager).transaction(async (transaction) => {
      const lead = await this.repository.lockForUpdate(transaction, organizationId, leadId);
      if (!lead) throw leadNotFound();
      const facts = mergeFacts(lead, { ...meta.facts, intent: meta.intent ?? meta.facts?.intent });
      const reasons = storedReasons(score.reasons);
      Object.assign(lead, facts, { score: score.score, scoreBand: score.band, scoreReasons: reasons, scoredAt: new Date() });
      const saved = await transaction.getRepository(LeadEntity).save(lead);
      const history = transaction.getRepository(LeadScoreHistoryEntity);
      const entry = await history.save(
        history.create({ organizationId, leadId, score: score.score, band: score.band, reasons, intent: facts.intent }),
      );
      this.emitAfterCommit(transaction, DomainEvent.LeadScored, { organizationId, leadId, scoreHistoryId: entry.id });
      return saved;
    });
  }

  /** For jobs and other modules (the real-time feed), which carry the organization explicitly; null when absent. */
  findById(organizationId: string, id: string): Promise<LeadEntity | null> {
    return this.repository.findById(organizationId, id);
  }

  /** The conversation's lead that is neither converted nor lost, if any. */
  findOpenByConversation(organizationId: string, conversationId: string, manager?: EntityManager): Promise<LeadEntity | null> {
    return this.repository.findOpenByConversation(organizationId, conversationId, manager);
  }

  async list(actor: AuthUser, query: ListLeadsQueryDto): Promise<Page<LeadSummaryDto>> {
    const page = await this.repository.listPage(actor, query);
    return { ...page, items: page.items.map(LeadSummaryDto.from) };
  }

  async findOne(actor: AuthUser, id: string): Promise<LeadDetailDto> {
    return this.detailOf(await this.findVisible(actor, id));
  }

  /** The detail in the organization's scope, for answers to writes the caller was allowed to make. */
  async detailInOrganization(organizationId: string, id: string): Promise<LeadDetailDto> {
    const [lead] = await this.repository.findManyWithContact(organizationId, [id]);
    if (!lead) throw leadNotFound();
    return this.detailOf(lead);
  }

  assign(params: AssignLeadParams): Promise<boolean> {
    return this.assignment.assign(params);
  }

  openLoadByAssignee(organizationId: string, userIds: string[]): Promise<Map<string, number>> {
    return this.assignment.openLoadByAssignee(organizationId, userIds);
  }

  unassignAllOf(organizationId: string, userId: string, actorUserId: string | null): Promise<string[]> {
    return this.assignment.unassignAllOf(organizationId, userId, actorUserId);
  }

  waitingUnassigned(organizationId: string, limit: number): Promise<WaitingLead[]> {
    return this.assignment.waitingUnassigned(organizationId, limit);
  }

  async scoreHistory(actor: AuthUser, id: string, query: PageQueryDto): Promise<Page<LeadScoreHistoryItemDto>> {
    const lead = await this.findVisible(actor, id);
    const page = await this.repository.historyPage(actor.organizationId, lead.id, query);
    return { ...page, items: page.items.map(LeadScoreHistoryItemDto.from) };
  }

  private async findVisible(actor: AuthUser, id: string): Promise<LeadEntity> {
    const lead = await this.repository.findVisibleWithContact(actor, id);
    if (!lead) throw leadNotFound();
    return lead;
  }

  /**
   * Checks the conversation belongs to the organization and the contact: the foreign keys alone would
   * accept another clinic's conversation. Reached only when the conversation has no open lead yet.
   */
  private async newLeadValues(params: EnsureLeadParams): Promise<NewLead> {
    const { organizationId, conversationId, contactId } = params;
    const conversation = isUUID(conversationId) ? await this.conversations.findById(organizationId, conversationId) : null;
    if (!conversation) throw new LeadException(LeadErrorCode.ConversationNotFound, 'Conversation not found in this organization', { conversationId });
    if (conversation.contactId !== contactId) {
      throw new LeadException(LeadErrorCode.ContactMismatch, 'The conversation belongs to another contact', { conversationId, contactId });
    }
    return {
      organizationId,
      contactId,
      conversationId,
      source: params.source,
      assignedToId: params.assignedToId === undefined ? conversation.assignedToId : params.assignedToId,
      ...initialFacts(params.facts),
    };
  }

  private emitAfterCommit<E extends DomainEvent>(manager: EntityManager | undefined, event: E, payload: DomainEventPayloads[E]): void {
    this.events.emit(manager, event, payload);
  }

  private async detailOf(lead: LeadEntity): Promise<LeadDetailDto> {
    const { organizationId } = lead;
    const [conversation, mergedConversationIds, interactions] = await Promise.all([
      lead.conversationId ? this.conversations.findById(organizationId, lead.conversationId) : null,
      this.repository.linkedConversationIds(organizationId, lead.id),
      this.activity.latestInteractions(organizationId, lead.id, DETAIL_INTERACTION_COUNT),
    ]);
    return LeadDetailDto.fromParts(lead, { conversation, mergedConversationIds, interactions });
  }
}
