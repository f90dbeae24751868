import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page, PageQueryDto } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { ConversationHistoryService } from './conversation-history.service';
import { ConversationEventResponseDto } from './dto/conversation-event-response.dto';

@ApiTags('conversations')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorResponseDto })
@Controller('conversations')
export class ConversationHistoryController {
  constructor(private readonly history: ConversationHistoryService) {}

  @Get(':id/history')
  @RequirePermission(Permission.ConversationsRead)
  @ApiOperation({ summary: 'Every status change and field edit (assignee, tags…): field, old, new, who, why and when; oldest first' })
  @ApiPageResponse(ConversationEventResponseDto)
  @ApiNotFoundResponse({ description: 'CONVERSATION_NOT_FOUND: missing, another clinic’s, or (secretaries) assigned to someone else', type: ErrorResponseDto })
  list(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Query() query: PageQueryDto): Promise<Page<ConversationEventResponseDto>> {
    return this.history.list(actor, id, query);
  }
}
