import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { scopeVisible, seesOnlyOwnWork, visibleTo } from 'src/common/tenancy/visible-to';
import { preparedQuery } from 'src/database/prepared-query';
import { ListTotal, rowCount, settleTotal, TallyTable, tallyCount, withCountSql } from 'src/database/tallies';
import { ContactEntity } from 'src/modules/contacts/contact.entity';
import { ConversationEntity } from './conversation.entity';
import { ConversationListRow, PREVIEW_LENGTH } from './dto/conversation-response.dto';
import { ASSIGNED_TO_ME, ASSIGNED_TO_NOBODY, ConversationSort, ListConversationsQueryDto } from './dto/list-conversations-query.dto';
import { readJoinCondition, unreadCountSql } from './read-state/unread-sql';
import { cursorTimestampSql, MessageCursor } from './dto/message-cursor';
import { MessageEntity } from './message.entity';
import { CONVERSATION_TALLIES, tagTotalQuery, totalStrategy } from './conversation-totals';

type Actor = Pick<AuthUser, 'organizationId' | 'userId' | 'role'>;
export type ConversationFilters = Pick<ListConversationsQueryDto, 'status' | 'session_id' | 'contact_id' | 'from' | 'to'> &
  Partial<Pick<ListConversationsQueryDto, 'owner' | 'assigned_to' | 'tag_id' | 'urgent' | 'unread' | 'created_from' | 'created_to' | 'sort'>>;

/** Alias of the caller's read row (conversation_reads), joined when the unread filter or count needs it. */
const READS = 'r';

/** ORDER BY per sort, each matching an index led by organization_id; id DESC keeps offset pages stable. */
const ORDER_BY: Record<ConversationSort, string> = {
  last_message_at: 'last_message_at DESC NULLS LAST, id DESC',
  created_at: 'created_at DESC, id DESC',
  urgency: 'urgent DESC, last_message_at DESC NULLS LAST, id DESC',
};

export function orderByFor(sort: ConversationSort | undefined, alias: string): string {
  return ORDER_BY[sort ?? 'last_message_at']
    .split(', ')
    .map((term) => `${alias}.${term}`)
    .join(', ');
}

/** Joins the caller's read row once; the unread filter and the unread_count column share it. */
export function joinReads<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor): SelectQueryBuilder<T> {
  if (qb.expressionMap.aliases.some((alias) => alias.name === READS)) return qb;
  return qb.leftJoin('conversation_reads', READS, readJoinCondition('c', READS, 'readerId'), { readerId: actor.userId });
}

export interface PositionedMessage {
  message: MessageEntity;
  cursor: MessageCursor;
}

/** `older`: strictly before the cursor; `newer`: strictly after it. */
export type HistorySide = 'older' | 'newer';

/**
 * The conversation list: scope and filters on `conversations`, newest activity first (never-active ones last),
 * id as tie-breaker so offset pages stay stable.
 */
export function buildConversationListQuery<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor, filters: ConversationFilters): SelectQueryBuilder<T> {
  scopeVisible(qb, 'c', actor);
  if (filters.status?.length) qb.andWhere('c.status IN (:...statuses)', { statuses: filters.status });
  if (filters.session_id) qb.andWhere('c.session_id = :sessionId', { sessionId: filters.session_id });
  if (filters.contact_id) qb.andWhere('c.contact_id = :contactId', { contactId: filters.contact_id });
  if (filters.from) qb.andWhere('c.last_message_at >= CAST(:from AS timestamptz)', { from: filters.from });
  // Stored with microseconds, shown with milliseconds: a conversation's own last_message_at must still match `to`.
  if (filters.to) qb.andWhere("c.last_message_at < CAST(:to AS timestamptz) + interval '1 millisecond'", { to: filters.to });
  if (filters.created_from) qb.andWhere('c.created_at >= CAST(:createdFrom AS timestamptz)', { createdFrom: filters.created_from });
  if (filters.created_to) qb.andWhere("c.created_at < CAST(:createdTo AS timestamptz) + interval '1 millisecond'", { createdTo: filters.created_to });
  if (filters.owner) qb.andWhere('c.owner_type = :owner', { owner: filters.owner });
  if (filters.urgent !== undefined) qb.andWhere('c.urgent = :urgent', { urgent: filters.urgent });
  filterAssignee(qb, actor, filters.assigned_to);
  if (filters.tag_id?.length) {
    qb.andWhere(
      'EXISTS (SELECT 1 FROM conversation_tags ctg WHERE ctg.organization_id = c.organization_id AND ctg.conversation_id = c.id AND ctg.tag_id IN (:...tagIds))',
      { tagIds: filters.tag_id },
    );
  }
  if (filters.unread !== undefined) {
    joinReads(qb, actor).andWhere(`${unreadCountSql('c', READS)} ${filters.unread ? '>' : '='} 0`);
  }
  return qb;
}

function filterAssignee<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor, assignedTo: string | undefined): void {
  if (assignedTo === undefined) return;
  if (assignedTo === ASSIGNED_TO_NOBODY) qb.andWhere('c.assigned_to_id IS NULL');
  else qb.andWhere('c.assigned_to_id = :assignedTo', { assignedTo: assignedTo === ASSIGNED_TO_ME ? actor.userId : assignedTo });
}

/**
 * Wraps one page of conversations (the query builder's SQL) with its newest message: a LATERAL join that
 * reads one row per conversation from IDX_messages_org_conversation_occurred, so a page costs one query.
 */
export function withLastMessagePreview(pageSql: string, sort?: ConversationSort): string {
  return `SELECT page.*, preview.body AS preview_body, preview.type AS preview_type,
      preview.direction AS preview_direction, preview.occurred_at AS preview_occurred_at
    FROM (${pageSql}) page
    LEFT JOIN LATERAL (
      SELECT left(m.body, ${PREVIEW_LENGTH}) AS body, m.type, m.direction, m.occurred_at
      FROM messages m
      WHERE m.organization_id = page.organization_id AND m.conversation_id = page.id
      ORDER BY m.occurred_at DESC, m.id DESC
      LIMIT 1
    ) preview ON true
    ORDER BY ${orderByFor(sort, 'page')}`;
}

const LIST_COLUMNS: Record<string, string> = {
  id: 'c.id',
  organization_id: 'c.organization_id',
  status: 'c.status',
  chat_id: 'c.chat_id',
  owner_type: 'c.owner_type',
  owner_user_id: 'c.owner_user_id',
  assigned_to_id: 'c.assigned_to_id',
  session_id: 'c.session_id',
  contact_id: 'c.contact_id',
  contact_name: 'ct.name',
  contact_phone: 'ct.phone',
  last_message_at: 'c.last_message_at',
  created_at: 'c.created_at',
  updated_at: 'c.updated_at',
  urgent: 'c.urgent',
  unread_count: unreadCountSql('c', READS),
};

/** The conversations module's SQL: list, scoped lookups and history pages. */
@Injectable()
export class ConversationsRepository {
  constructor(
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
  ) {}

  async listPage(actor: Actor, filters: ConversationFilters, page: { offset: number; limit: number }): Promise<{ rows: ConversationListRow[]; total: number }> {
    const filtered = buildConversationListQuery(this.conversations.createQueryBuilder('c'), actor, filters);
    const pageQuery = filtered
      .clone()
      // A patient deleted later keeps their history: the conversation stays listed.
      .withDeleted()
      .innerJoin(ContactEntity, 'ct', 'ct.id = c.contact_id')
      .select(Object.entries(LIST_COLUMNS).map(([alias, column]) => `${column} AS ${alias}`))
      .offset(page.offset)
      .limit(page.limit);
    joinReads(pageQuery, actor);
    orderList(pageQuery, filters.sort);
    const manager = this.conversations.manager;
    const count = this.countQuery(actor, filters, filtered);
    const [sql, parameters] = withCountSql(manager, count.query, pageQuery, (pageSql) => withLastMessagePreview(pageSql, filters.sort), orderByFor(filters.sort, 'listing'));
    type Row = ConversationListRow & { list_total: ListTotal };
    // First pages are what dashboards ask for all day; deeper offsets would each be a statement of their own.
    const raw = page.offset === 0 ? await preparedQuery<Row>(manager, sql, parameters) : ((await this.conversations.query(sql, parameters)) as Row[]);
    const total = settleTotal(manager, count.tally, actor.organizationId, raw[0].list_total);
    return { rows: raw.filter((row) => row.id !== null), total };
  }

  /** The list's total as a subquery: from the tally, the tag index or the rows (see totalStrategy). */
  private countQuery(actor: Actor, filters: ConversationFilters, filtered: SelectQueryBuilder<ConversationEntity>): { query: SelectQueryBuilder<ObjectLiteral>; tally: TallyTable | null } {
    const manager = this.conversations.manager;
    switch (totalStrategy(filters, !seesOnlyOwnWork(actor))) {
      case 'tally': {
        const tallied = buildConversationListQuery(manager.createQueryBuilder().from(CONVERSATION_TALLIES.name, 'c'), actor, filters);
        return { query: tallyCount(CONVERSATION_TALLIES, tallied), tally: CONVERSATION_TALLIES };
      }
      case 'tag':
        return tagTotalQuery(manager, actor.organizationId, filters.tag_id ?? []);
      case 'rows':
        // COUNT(*), not TypeORM's getCount(): its COUNT(DISTINCT id) sorts every matching row, and nothing in the
        // filtered query can repeat a conversation.
        return { query: rowCount(filtered.clone()), tally: null };
    }
  }

  findVisible(actor: Actor, id: string): Promise<ConversationEntity | null> {
    return this.conversations.findOneBy(visibleTo<ConversationEntity>(actor, { id }));
  }

  findVisibleWithContact(actor: Actor, id: string): Promise<ConversationEntity | null> {
    return this.conversations.findOne({ where: visibleTo<ConversationEntity>(actor, { id }), relations: { contact: true }, withDeleted: true });
  }

  /** The conversation with its patient and the caller's unread patient messages in it (see read-state/unread-sql.ts), in one query. */
  async findDetail(actor: Actor, id: string): Promise<{ conversation: ConversationEntity; unread: number } | null> {
    const qb = this.conversations
      .createQueryBuilder('c')
      // A patient deleted later keeps their history: the conversation stays readable.
      .withDeleted()
      .innerJoinAndSelect('c.contact', 'contact')
      .addSelect(unreadCountSql('c', READS), 'unread_count')
      .where('c.id = :id', { id });
    joinReads(scopeVisible(qb, 'c', actor), actor);
    const { entities, raw } = await qb.getRawAndEntities<{ unread_count: number }>();
    return entities[0] ? { conversation: entities[0], unread: Number(raw[0].unread_count) } : null;
  }

  findById(organizationId: string, id: string): Promise<ConversationEntity | null> {
    return this.conversations.findOneBy({ id, organizationId });
  }

  /** The newest `count` messages, newest first. */
  latestMessages(organizationId: string, conversationId: string, count: number): Promise<MessageEntity[]> {
    return this.history(organizationId, conversationId).orderBy('m.occurred_at', 'DESC').addOrderBy('m.id', 'DESC').limit(count).getMany();
  }

  /**
   * Up to `limit` messages on `side` of `cursor` (from the newest when there is no cursor), nearest to the
   * cursor first; one extra row tells whether more lie beyond.
   */
  async historyPage(
    organizationId: string,
    conversationId: string,
    side: HistorySide,
    cursor: MessageCursor | null,
    limit: number,
  ): Promise<{ items: PositionedMessage[]; hasMore: boolean }> {
    const direction = side === 'older' ? 'DESC' : 'ASC';
    const qb = this.history(organizationId, conversationId).addSelect(cursorTimestampSql('m'), 'cursor_at');
    if (cursor) beyond(qb, side, cursor);
    const { entities, raw } = await qb
      .orderBy('m.occurred_at', direction)
      .addOrderBy('m.id', direction)
      .limit(limit + 1)
      .getRawAndEntities<{ m_id: string; cursor_at: string }>();
    const positions = new Map(raw.map((row) => [row.m_id, row.cursor_at]));
    const items = entities.slice(0, limit).map((message) => ({ message, cursor: { occurredAt: positions.get(message.id) as string, id: message.id } }));
    return { items, hasMore: entities.length > limit };
  }

  hasMessagesBeyond(organizationId: string, conversationId: string, side: HistorySide, cursor: MessageCursor): Promise<boolean> {
    return beyond(this.history(organizationId, conversationId), side, cursor).getExists();
  }

  /** The message, when its conversation is visible to the caller. */
  findVisibleMessage(actor: Actor, messageId: string): Promise<MessageEntity | null> {
    const qb = this.messages
      .createQueryBuilder('m')
      .innerJoin(ConversationEntity, 'c', 'c.id = m.conversation_id AND c.organization_id = m.organization_id')
      .where('m.id = :messageId', { messageId });
    return scopeVisible(qb, 'c', actor).getOne();
  }

  private history(organizationId: string, conversationId: string): SelectQueryBuilder<MessageEntity> {
    return this.messages
      .createQueryBuilder('m')
      .where('m.organization_id = :organizationId', { organizationId })
      .andWhere('m.conversation_id = :conversationId', { conversationId });
  }
}

function orderList(qb: SelectQueryBuilder<ConversationEntity>, sort: ConversationSort | undefined): void {
  if (sort === 'created_at') {
    qb.orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC');
    return;
  }
  if (sort === 'urgency') qb.orderBy('c.urgent', 'DESC').addOrderBy('c.last_message_at', 'DESC', 'NULLS LAST');
  else qb.orderBy('c.last_message_at', 'DESC', 'NULLS LAST');
  qb.addOrderBy('c.id', 'DESC');
}

// A row comparison, so Postgres walks IDX_messages_org_conversation_occurred from the cursor on.
function beyond(qb: SelectQueryBuilder<MessageEntity>, side: HistorySide, cursor: MessageCursor): SelectQueryBuilder<MessageEntity> {
  const operator = side === 'older' ? '<' : '>';
  return qb.andWhere(`(m.occurred_at, m.id) ${operator} (CAST(:cursorAt AS timestamptz), CAST(:cursorId AS uuid))`, {
    cursorAt: cursor.occurredAt,
    cursorId: cursor.id,
  });
}
