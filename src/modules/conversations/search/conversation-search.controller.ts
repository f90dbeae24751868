import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { ConversationSearchResultDto } from './conversation-search-result.dto';
import { MAX_SEARCH_CANDIDATES } from './conversation-search.repository';
import { ConversationSearchService } from './conversation-search.service';
import { SearchConversationsQueryDto } from './search-conversations-query.dto';

@ApiTags('conversations')
@Controller('conversations')
export class ConversationSearchController {
  constructor(private readonly search: ConversationSearchService) {}

  @Get('search')
  @RequirePermission(Permission.ConversationsRead)
  @ApiOperation({
    summary: 'Find conversations by what was written in them',
    description:
      'Searches message text in Portuguese: any inflection of a word matches (consulta, consultas), accents and case are ' +
      'ignored (clinica finds clínica). One result per conversation, carrying its best-matching message with a highlighted ' +
      'snippet; conversations are ordered by that message’s relevance, then by recency. Scoped like the list: secretaries ' +
      `find only their own and unassigned conversations. The newest ${MAX_SEARCH_CANDIDATES} matching messages are ranked, ` +
      'so a very common word favours recent conversations: add words to narrow it. A query of stop words only ("de", "para") ' +
      'finds nothing.',
  })
  @ApiPageResponse(ConversationSearchResultDto)
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: `q` missing, empty or longer than 200 characters; bad `page`/`limit`', type: ErrorResponseDto })
  find(@CurrentUser() actor: AuthUser, @Query() query: SearchConversationsQueryDto): Promise<Page<ConversationSearchResultDto>> {
    return this.search.search(actor, query);
  }
}
