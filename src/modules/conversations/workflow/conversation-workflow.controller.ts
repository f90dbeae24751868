import { Body, Controller, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
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
import { ConversationStatus } from '../conversation.entity';
import { ConversationWorkflowService } from './conversation-workflow.service';
import { ChangeStatusDto, TransferConversationDto } from './dto/change-status.dto';
import { ConversationStateDto } from './dto/conversation-state.dto';

const NOT_FOUND = { description: 'CONVERSATION_NOT_FOUND (missing, another clinic’s, or another secretary’s), or USER_NOT_FOUND for the transfer target', type: ErrorResponseDto };
const TRANSITION_CONFLICT = { description: 'INVALID_TRANSITION: `details` has `from`, `to` and the `allowed` statuses', type: ErrorResponseDto };
const INVALID_ASSIGNEE = { description: 'CONVERSATION_INVALID_ASSIGNEE: the target is a viewer, deactivated, or already has it', type: ErrorResponseDto };
const NOT_YOURS = { description: 'CONVERSATION_NOT_ASSIGNED_TO_YOU: secretaries transfer only their own conversations', type: ErrorResponseDto };

@ApiTags('conversations')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorResponseDto })
@Controller('conversations')
export class ConversationWorkflowController {
  constructor(private readonly workflow: ConversationWorkflowService) {}

  @Patch(':id/status')
  @RequirePermission(Permission.ConversationsUpdate)
  @ApiOperation({
    summary: 'Move a conversation through its workflow',
    description:
      'Transitions: ACTIVE → WAITING_SECRETARY | AWAITING_RESPONSE | TRANSFERRED | CLOSED; WAITING_SECRETARY → ACTIVE | AWAITING_RESPONSE | ' +
      'TRANSFERRED | CLOSED; AWAITING_RESPONSE → ACTIVE | WAITING_SECRETARY | TRANSFERRED | CLOSED; TRANSFERRED → ACTIVE | WAITING_SECRETARY | ' +
      'AWAITING_RESPONSE | TRANSFERRED | CLOSED; nothing leaves CLOSED (the patient’s next message opens a new conversation). ' +
      '`reason` is required for CLOSED and TRANSFERRED; TRANSFERRED also needs `to_user_id`. Closing gives the conversation back to the bot. ' +
      'Every change is kept in GET /conversations/{id}/history.',
  })
  @ApiOkResponse({ type: ConversationStateDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(TRANSITION_CONFLICT)
  @ApiForbiddenResponse(NOT_YOURS)
  @ApiUnprocessableEntityResponse(INVALID_ASSIGNEE)
  changeStatus(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: ChangeStatusDto): Promise<ConversationStateDto> {
    return this.workflow.changeStatus(actor, id, dto);
  }

  @Post(':id/transfer')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.ConversationsClaim)
  @ApiOperation({
    summary: 'Hand the conversation to another secretary',
    description: 'Assigns it to `user_id` and sets TRANSFERRED, with the reason in the history. Secretaries transfer only conversations assigned to them.',
  })
  @ApiOkResponse({ type: ConversationStateDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(TRANSITION_CONFLICT)
  @ApiForbiddenResponse(NOT_YOURS)
  @ApiUnprocessableEntityResponse(INVALID_ASSIGNEE)
  transfer(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: TransferConversationDto): Promise<ConversationStateDto> {
    return this.workflow.changeStatus(actor, id, { status: ConversationStatus.Transferred, reason: dto.reason, to_user_id: dto.user_id });
  }
}
