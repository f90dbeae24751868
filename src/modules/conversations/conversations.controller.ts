import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { ConversationsService } from './conversations.service';
import { ConversationDetailDto, ConversationSummaryDto } from './dto/conversation-response.dto';
import { ListConversationsQueryDto } from './dto/list-conversations-query.dto';
import { ListMessagesQueryDto, MessagePageDto } from './dto/list-messages-query.dto';
import { MessageResponseDto } from './dto/message-response.dto';
import { SendMessageDto } from './dto/send-message.dto';

const NOT_FOUND = { description: 'CONVERSATION_NOT_FOUND: missing, another clinic’s, or (secretaries) assigned to someone else', type: ErrorResponseDto };

@ApiTags('conversations')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorResponseDto })
@Controller('conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  @RequirePermission(Permission.ConversationsRead)
  @ApiOperation({
    summary: 'The inbox: conversations by latest activity (never-active ones last)',
    description: 'Secretaries see the conversations assigned to them and the unassigned queue. Each item carries a preview of its newest message.',
  })
  @ApiPageResponse(ConversationSummaryDto)
  list(@CurrentUser() actor: AuthUser, @Query() query: ListConversationsQueryDto): Promise<Page<ConversationSummaryDto>> {
    return this.conversations.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.ConversationsRead)
  @ApiOperation({ summary: 'A conversation with its patient and its latest 50 messages (oldest first)' })
  @ApiOkResponse({ type: ConversationDetailDto })
  @ApiNotFoundResponse(NOT_FOUND)
  findOne(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<ConversationDetailDto> {
    return this.conversations.findOne(actor, id);
  }

  @Get(':id/messages')
  @RequirePermission(Permission.ConversationsRead)
  @ApiOperation({
    summary: 'Page through a conversation’s history with opaque cursors',
    description:
      'Pages are newest first. Without a cursor: the newest `limit` messages. `before=<next_cursor>`: the older page; ' +
      '`after=<prev_cursor>`: the newer page. A cursor is null when nothing lies beyond it, so walking stops at the first null. ' +
      'A cursor not issued by this endpoint answers 400 VALIDATION_FAILED.',
  })
  @ApiOkResponse({ type: MessagePageDto })
  @ApiNotFoundResponse(NOT_FOUND)
  listMessages(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Query() query: ListMessagesQueryDto): Promise<MessagePageDto> {
    return this.conversations.listMessages(actor, id, query);
  }

  @Post(':id/messages')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequirePermission(Permission.MessagesSend)
  @ApiOperation({
    summary: 'Send a text or a file to the patient',
    description: 'Stored as `queued` and sent in the background (watch `status`); a human now owns the conversation, so the bot stays quiet.',
  })
  @ApiAcceptedResponse({ type: MessageResponseDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: 'CONVERSATION_CLOSED, or MESSAGE_CONTACT_BLOCKED', type: ErrorResponseDto })
  send(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: SendMessageDto): Promise<MessageResponseDto> {
    return this.conversations.send(actor, id, dto);
  }
}
