import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { scopeVisible, seesOnlyOwnWork } from 'src/common/tenancy/visible-to';
import { ConversationEntity } from '../conversation.entity';
import { MessageEntity } from '../message.entity';
import { ConversationSearchRow } from './conversation-search-result.dto';

type Actor = Pick<AuthUser, 'organizationId' | 'userId' | 'role'>;

/**
 * Only the newest matching messages are ranked: a front desk looks for recent chats, and older ones need more words.
 */
export const MAX_SEARCH_CANDIDATES = 500;

/**
 * How many of the clinic's newest messages are checked one by one before asking the GIN index instead. A common
 * word finds its candidates within them, touching only recent pages, where the index would fetch every match in
 * the table just to sort them by time; a rare word is cheap through the index.
 */
export const SEARCH_WALK_LIMIT = 25_000;

const TEXT_SEARCH_CONFIG = `'public.robbot_portuguese'::regconfig`;

const CANDIDATE_COLUMNS = ['id', 'conversation_id', 'occurred_at', 'body_search'] as const;

function searchQuery(parameter: string): string {
  return `websearch_to_tsquery(${TEXT_SEARCH_CONFIG}, ${parameter})`;
}

// Escaped before highlighting so a patient's "<script>" reaches the dashboard as text; <mark> is then the only tag.
const ESCAPED_BODY = `replace(replace(replace(coalesce(m.body, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
const HEADLINE_OPTIONS = 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "';

/** Full-text search over message bodies, one result per conversation (its best message). */
@Injectable()
export class ConversationSearchRepository {
  constructor(@InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>) {}

  /** False when `q` holds only stop words or punctuation: nothing can match, so no query is worth running. */
  async hasLexemes(q: string): Promise<boolean> {
    const [row] = (await this.messages.query(`SELECT numnode(${searchQuery('$1')}) AS nodes`, [q])) as { nodes: number }[];
    return row.nodes > 0;
  }

  async search(actor: Actor, q: string, page: { offset: number; limit: number }): Promise<{ rows: ConversationSearchRow[]; total: number }> {
    const [candidatesSql, parameters] = this.candidates(actor, q);
    const at = (offset: number): string => `$${parameters.length + offset}`;
    const rows = (await this.messages.query(
      `WITH candidates AS (${candidatesSql}),
      ranked AS (
        SELECT candidates.*, ts_rank_cd(candidates.body_search, ${searchQuery(at(1))}) AS rank,
          count(*) OVER (PARTITION BY candidates.conversation_id) AS match_count
        FROM candidates
      ),
      best AS (
        SELECT DISTINCT ON (conversation_id) * FROM ranked ORDER BY conversation_id, rank DESC, occurred_at DESC, id DESC
      ),
      page AS (
        SELECT * FROM best ORDER BY rank DESC, occurred_at DESC, conversation_id DESC LIMIT ${at(2)} OFFSET ${at(3)}
      )
      SELECT totals.total, page.id AS message_id, page.conversation_id, page.occurred_at, page.rank, page.match_count,
        m.direction, m.sender, ts_headline(${TEXT_SEARCH_CONFIG}, ${ESCAPED_BODY}, ${searchQuery(at(1))}, '${HEADLINE_OPTIONS}') AS snippet,
        c.status, c.assigned_to_id, c.last_message_at, ct.id AS contact_id, ct.name AS contact_name, ct.phone AS contact_phone
      FROM (SELECT count(*) AS total FROM best) totals
      LEFT JOIN page ON true
      LEFT JOIN messages m ON m.id = page.id AND m.organization_id = ${at(4)}
      LEFT JOIN conversations c ON c.id = page.conversation_id AND c.organization_id = ${at(4)}
      LEFT JOIN contacts ct ON ct.id = c.contact_id AND ct.organization_id = ${at(4)}
      ORDER BY page.rank DESC, page.occurred_at DESC, page.conversation_id DESC`,
      [...parameters, q, page.limit, page.offset, actor.organizationId],
    )) as ConversationSearchRow[];
    // Always one row (the total), with null page columns when the page lies past the end.
    return { rows, total: Number(rows[0]?.total ?? 0) };
  }

  /**
   * The newest matching messages the caller may see, as SQL and its parameters. Either way the result is the same
   * set: the walk over the newest messages is tried first, and when it found fewer than the cap the index answers
   * instead (then the matches are few, or spread over older history, which the index fetches cheaply).
   */
  private candidates(actor: Actor, q: string): [string, unknown[]] {
    const walked = this.walkNewest(actor, q);
    const everything = this.matchesByIndex(actor, q);
    const walkFoundAll = `(SELECT count(*) FROM walked) >= ${MAX_SEARCH_CANDIDATES}`;
    const sql = `WITH walked AS (${walked.getQuery()})
      SELECT * FROM walked WHERE ${walkFoundAll}
      UNION ALL
      SELECT * FROM (${everything.getQuery()}) by_index WHERE NOT ${walkFoundAll}`;
    const parameters = { ...walked.getParameters(), ...everything.getParameters() };
    return this.messages.manager.connection.driver.escapeQueryWithParameters(sql, parameters, {}) as [string, unknown[]];
  }

  private walkNewest(actor: Actor, q: string): SelectQueryBuilder<ObjectLiteral> {
    const qb = this.messages.manager
      .createQueryBuilder()
      .select(CANDIDATE_COLUMNS.map((column) => `r.${column} AS ${column}`))
      .from(
        (newest) =>
          newest
            .select(CANDIDATE_COLUMNS.map((column) => `m.${column} AS ${column}`))
            .from(MessageEntity, 'm')
            .where('m.organization_id = :organizationId', { organizationId: actor.organizationId })
            .orderBy('m.occurred_at', 'DESC')
            .addOrderBy('m.id', 'DESC')
            .limit(SEARCH_WALK_LIMIT),
        'r',
      )
      .where(`r.body_search @@ ${searchQuery(':q')}`, { q })
      // The same order as the walk, so Postgres stops reading as soon as it has the cap.
      .orderBy('r.occurred_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(MAX_SEARCH_CANDIDATES);
    return this.inScope(qb, 'r', actor);
  }

  private matchesByIndex(actor: Actor, q: string): SelectQueryBuilder<ObjectLiteral> {
    const qb = this.messages.manager
      .createQueryBuilder()
      .select(CANDIDATE_COLUMNS.map((column) => `m.${column} AS ${column}`))
      .from(MessageEntity, 'm')
      .where('m.organization_id = :organizationId', { organizationId: actor.organizationId })
      .andWhere(`m.body_search @@ ${searchQuery(':q')}`, { q })
      .orderBy('m.occurred_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(MAX_SEARCH_CANDIDATES);
    return this.inScope(qb, 'm', actor);
  }

  // Messages carry their conversation's organization, so callers who see the whole clinic need no join; a
  // secretary's scope lives on the conversation, so hers joins it and applies the list's own scope.
  private inScope(qb: SelectQueryBuilder<ObjectLiteral>, alias: string, actor: Actor): SelectQueryBuilder<ObjectLiteral> {
    if (seesOnlyOwnWork(actor)) {
      qb.innerJoin(ConversationEntity, 'c', `c.id = ${alias}.conversation_id AND c.organization_id = :organizationId`);
      scopeVisible(qb, 'c', actor);
    }
    return qb;
  }
}
