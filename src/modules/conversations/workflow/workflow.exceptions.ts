import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum ConversationWorkflowErrorCode {
  InvalidTransition = 'INVALID_TRANSITION',
  AlreadyAssigned = 'CONVERSATION_ALREADY_ASSIGNED',
  InvalidAssignee = 'CONVERSATION_INVALID_ASSIGNEE',
  NotYours = 'CONVERSATION_NOT_ASSIGNED_TO_YOU',
}

const WORKFLOW_ERROR_STATUS: Record<ConversationWorkflowErrorCode, HttpStatus> = {
  [ConversationWorkflowErrorCode.InvalidTransition]: HttpStatus.CONFLICT,
  [ConversationWorkflowErrorCode.AlreadyAssigned]: HttpStatus.CONFLICT,
  [ConversationWorkflowErrorCode.InvalidAssignee]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ConversationWorkflowErrorCode.NotYours]: HttpStatus.FORBIDDEN,
};

export class ConversationWorkflowException extends AppException {
  constructor(code: ConversationWorkflowErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, WORKFLOW_ERROR_STATUS[code], message, details);
  }
}
