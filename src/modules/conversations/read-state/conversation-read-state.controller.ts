import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { ConversationReadStateService } from './conversation-read-state.service';
import { ReadStateDto, UnreadTotalDto } from './dto/read-state.dto';

const NOT_FOUND = { description: 'CONVERSATION_NOT_FOUND: missing, another clinic’s, or (secretaries) assigned to someone else', type: ErrorResponseDto };

@ApiTags('conversations')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorResponseDto })
@Controller('conversations')
export class ConversationReadStateController {
  constructor(private readonly readState: ConversationReadStateService) {}

  @Get('unread-count')
  @RequirePermission(Permission.ConversationsRead)
  @ApiOperation({ summary: 'What the caller has left to read in the open conversations she can see' })
  @ApiOkResponse({ type: UnreadTotalDto })
  unreadTotal(@CurrentUser() actor: AuthUser): Promise<UnreadTotalDto> {
    return this.readState.unreadTotal(actor);
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.ConversationsRead)
  @ApiOperation({ summary: 'Mark everything the patient wrote so far as read (for the caller only)' })
  @ApiOkResponse({ type: ReadStateDto })
  @ApiNotFoundResponse(NOT_FOUND)
  markRead(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<ReadStateDto> {
    return this.readState.markRead(actor, id);
  }

  @Post(':id/unread')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.ConversationsRead)
  @ApiOperation({ summary: 'Mark the conversation unread (for the caller only) until she reads it again' })
  @ApiOkResponse({ type: ReadStateDto })
  @ApiNotFoundResponse(NOT_FOUND)
  markUnread(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<ReadStateDto> {
    return this.readState.markUnread(actor, id);
  }
}
