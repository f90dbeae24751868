import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { rowCount, TallyTable, tallyCount } from 'src/database/tallies';
import { ConversationFilters } from './conversations.repository';

export const CONVERSATION_TALLIES: TallyTable = {
  name: 'conversation_tallies',
  groupColumns: ['status', 'owner_type', 'urgent', 'assigned_to_id', 'session_id'],
  countColumn: 'conversations',
};

/**
 * How a list's exact total is counted. `tally`: every filter is a column of conversation_tallies, so the total is a
 * SUM of a few rows. `tag`: the clinic's conversations with these tags, from the tag tally or the tag index. `rows`:
 * anything else (dates, contact, unread, a secretary's tags), counted over the matching conversations.
 */
export type TotalStrategy = 'tally' | 'tag' | 'rows';

export function totalStrategy(filters: ConversationFilters, seesWholeClinic: boolean): TotalStrategy {
  const rowFilters = [filters.contact_id, filters.from, filters.to, filters.created_from, filters.created_to, filters.unread];
  if (rowFilters.some((value) => value !== undefined)) return 'rows';
  if (!filters.tag_id?.length) return 'tally';
  const conversationFilters = [filters.status?.length ? filters.status : undefined, filters.session_id, filters.owner, filters.urgent, filters.assigned_to];
  return seesWholeClinic && conversationFilters.every((value) => value === undefined) ? 'tag' : 'rows';
}

export const CONVERSATION_TAG_TALLIES: TallyTable = { name: 'conversation_tag_tallies', groupColumns: ['tag_id'], countColumn: 'conversations' };

/**
 * The count subquery of the clinic's conversations carrying any of `tagIds`: one tag from its tally (a conversation
 * carries each tag once), several from the tag index, each conversation once.
 */
export function tagTotalQuery(manager: EntityManager, organizationId: string, tagIds: string[]): { query: SelectQueryBuilder<ObjectLiteral>; tally: TallyTable | null } {
  const tagged = (table: string): SelectQueryBuilder<ObjectLiteral> =>
    manager
      .createQueryBuilder()
      .from(table, 'ctg')
      .where('ctg.organization_id = :organizationId', { organizationId })
      .andWhere('ctg.tag_id IN (:...tagIds)', { tagIds });
  if (tagIds.length === 1) return { query: tallyCount(CONVERSATION_TAG_TALLIES, tagged(CONVERSATION_TAG_TALLIES.name)), tally: CONVERSATION_TAG_TALLIES };
  return { query: rowCount(tagged('conversation_tags'), 'COUNT(DISTINCT ctg.conversation_id)'), tally: null };
}
