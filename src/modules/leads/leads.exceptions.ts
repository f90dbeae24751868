import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum LeadErrorCode {
  NotFound = 'LEAD_NOT_FOUND',
  ConversationNotFound = 'LEAD_CONVERSATION_NOT_FOUND',
  ContactMismatch = 'LEAD_CONTACT_MISMATCH',
  InvalidScore = 'LEAD_INVALID_SCORE',
  /** The contract names this code without the feature prefix; clients share it with conversations. */
  InvalidTransition = 'INVALID_TRANSITION',
  ConversationHasOpenLead = 'LEAD_CONVERSATION_HAS_OPEN_LEAD',
  NotDeleted = 'LEAD_NOT_DELETED',
  Merged = 'LEAD_MERGED',
  InvalidAssignee = 'LEAD_INVALID_ASSIGNEE',
}

// A Record, so the compiler refuses a new code that has no status.
const LEAD_ERROR_STATUS: Record<LeadErrorCode, HttpStatus> = {
  [LeadErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [LeadErrorCode.ConversationNotFound]: HttpStatus.NOT_FOUND,
  [LeadErrorCode.ContactMismatch]: HttpStatus.UNPROCESSABLE_ENTITY,
  [LeadErrorCode.InvalidScore]: HttpStatus.UNPROCESSABLE_ENTITY,
  [LeadErrorCode.InvalidTransition]: HttpStatus.CONFLICT,
  [LeadErrorCode.ConversationHasOpenLead]: HttpStatus.CONFLICT,
  [LeadErrorCode.NotDeleted]: HttpStatus.CONFLICT,
  [LeadErrorCode.Merged]: HttpStatus.CONFLICT,
  [LeadErrorCode.InvalidAssignee]: HttpStatus.UNPROCESSABLE_ENTITY,
};

export class LeadException extends AppException {
  constructor(code: LeadErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, LEAD_ERROR_STATUS[code], message, details);
  }
}

export function leadNotFound(): LeadException {
  return new LeadException(LeadErrorCode.NotFound, 'Lead not found');
}

export function conversationHasOpenLead(): LeadException {
  return new LeadException(LeadErrorCode.ConversationHasOpenLead, 'The lead’s conversation already has another open lead; merge them or close that one first');
}
