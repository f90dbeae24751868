import { Injectable } from '@nestjs/common';
import { AuthUser } from 'src/common/auth/auth-user';
import { Page, toPage } from 'src/common/pagination';
import { ConversationSearchResultDto, ConversationSearchRow } from './conversation-search-result.dto';
import { ConversationSearchRepository } from './conversation-search.repository';
import { SearchConversationsQueryDto } from './search-conversations-query.dto';

@Injectable()
export class ConversationSearchService {
  constructor(private readonly repository: ConversationSearchRepository) {}

  async search(actor: AuthUser, query: SearchConversationsQueryDto): Promise<Page<ConversationSearchResultDto>> {
    if (!(await this.repository.hasLexemes(query.q))) return toPage([], 0, query);
    const { rows, total } = await this.repository.search(actor, query.q, { offset: query.offset, limit: query.limit });
    return toPage(rows.filter(hasMessage).map(ConversationSearchResultDto.from), total, query);
  }
}

function hasMessage(row: ConversationSearchRow): row is ConversationSearchRow & { message_id: string } {
  return row.message_id !== null;
}
