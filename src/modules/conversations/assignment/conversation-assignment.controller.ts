import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { ConversationStateDto } from '../workflow/dto/conversation-state.dto';
import { ConversationAssignmentActionsService } from './conversation-assignment-actions.service';
import { AssignConversationDto } from './dto/assign-conversation.dto';

const NOT_FOUND = { description: 'CONVERSATION_NOT_FOUND: missing, another clinic’s, or (secretaries) assigned to someone else', type: ErrorResponseDto };

@ApiTags('conversations')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorResponseDto })
@Controller('conversations')
export class ConversationAssignmentController {
  constructor(private readonly assignment: ConversationAssignmentActionsService) {}

  @Post(':id/assign')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.ConversationsAssign)
  @ApiOperation({ summary: 'Assign the conversation to an active secretary or admin (admins)', description: 'Recorded in the history; `changed` is false when she already had it.' })
  @ApiOkResponse({ type: ConversationStateDto })
  @ApiNotFoundResponse({ description: 'CONVERSATION_NOT_FOUND, or USER_NOT_FOUND (missing or another clinic’s user)', type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'CONVERSATION_CLOSED', type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'CONVERSATION_INVALID_ASSIGNEE: a viewer or a deactivated account', type: ErrorResponseDto })
  assign(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: AssignConversationDto): Promise<ConversationStateDto> {
    return this.assignment.assign(actor, id, dto.user_id, dto.reason);
  }

  @Post(':id/claim')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.ConversationsClaim)
  @ApiOperation({
    summary: 'Take an unassigned conversation',
    description: 'Of two people claiming at once exactly one gets it; the other gets 409. Claiming one you already have answers `changed: false`.',
  })
  @ApiOkResponse({ type: ConversationStateDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: 'CONVERSATION_ALREADY_ASSIGNED, or CONVERSATION_CLOSED', type: ErrorResponseDto })
  claim(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<ConversationStateDto> {
    return this.assignment.claim(actor, id);
  }

  @Post(':id/unassign')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.ConversationsClaim)
  @ApiOperation({ summary: 'Put the conversation back in the unassigned queue', description: 'Secretaries give up only their own; admins anyone’s.' })
  @ApiOkResponse({ type: ConversationStateDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: 'CONVERSATION_ALREADY_ASSIGNED: someone else took it meanwhile', type: ErrorResponseDto })
  unassign(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<ConversationStateDto> {
    return this.assignment.unassign(actor, id);
  }
}
