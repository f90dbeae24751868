import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { rowCount, TallyTable } from 'src/database/tallies';
import { ConversationFilters } from './conversations.repository';

export const CONVERSATION_TALLIES: TallyTable = {
  name: 'conversation_tallies',
  groupColumns: ['status', 'owner_type', 'urgent', 'assigned_to_id', 'session_id'],
  countColumn: 'conversations',
};

/**
 * How a list's exact total is counted. `tally`: every filter is a column of conversation_tallies, so the total is a
 * SUM of a few rows. `tag`: the clinic's conversations with these tags, counted from the tag index alone. `rows`:
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

/** Conversations carrying any of `tagIds` (a conversation has each tag once: the primary key is conversation and tag). */
export function tagTotalQuery(manager: EntityManager, organizationId: string, tagIds: string[]): SelectQueryBuilder<ObjectLiteral> {
  const tagged = manager
    .createQueryBuilder()
    .from('conversation_tags', 'ctg')
    .where('ctg.organization_id = :organizationId', { organizationId })
    .andWhere('ctg.tag_id IN (:...tagIds)', { tagIds });
  return rowCount(tagged, tagIds.length === 1 ? 'COUNT(*)' : 'COUNT(DISTINCT ctg.conversation_id)');
}
