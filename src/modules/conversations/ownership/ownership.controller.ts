import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page, PageQueryDto } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { ConversationOwnershipService } from './conversation-ownership.service';
import { HandbackResponseDto, OwnershipEventResponseDto } from './ownership-event-response.dto';

const NOT_FOUND = { description: 'CONVERSATION_NOT_FOUND: missing, another clinic’s, or (secretaries) assigned to someone else', type: ErrorResponseDto };

@ApiTags('conversations')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorResponseDto })
@Controller('conversations')
export class OwnershipController {
  constructor(private readonly ownership: ConversationOwnershipService) {}

  @Post(':id/handback')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.MessagesSend)
  @ApiOperation({
    summary: 'Give the conversation back to the bot',
    description:
      'After a secretary (through the API or the clinic phone) took over, or the bot handed off, the bot answers the patient’s next ' +
      'messages again. Recorded in the ownership history. A conversation waiting for a secretary becomes ACTIVE.',
  })
  @ApiOkResponse({ type: HandbackResponseDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: 'CONVERSATION_CLOSED', type: ErrorResponseDto })
  handback(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<HandbackResponseDto> {
    return this.ownership.handback(actor, id);
  }

  @Get(':id/ownership-history')
  @RequirePermission(Permission.ConversationsRead)
  @ApiOperation({ summary: 'Every change of who answers the conversation: from, to, why, who and when (oldest first)' })
  @ApiPageResponse(OwnershipEventResponseDto)
  @ApiNotFoundResponse(NOT_FOUND)
  history(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Query() query: PageQueryDto): Promise<Page<OwnershipEventResponseDto>> {
    return this.ownership.history(actor, id, query);
  }
}
