import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum LeadErrorCode {
  NotFound = 'LEAD_NOT_FOUND',
  ConversationNotFound = 'LEAD_CONVERSATION_NOT_FOUND',
  ContactMismatch = 'LEAD_CONTACT_MISMATCH',
  InvalidScore = 'LEAD_INVALID_SCORE',
}

// A Record, so the compiler refuses a new code that has no status.
const LEAD_ERROR_STATUS: Record<LeadErrorCode, HttpStatus> = {
  [LeadErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [LeadErrorCode.ConversationNotFound]: HttpStatus.NOT_FOUND,
  [LeadErrorCode.ContactMismatch]: HttpStatus.UNPROCESSABLE_ENTITY,
  [LeadErrorCode.InvalidScore]: HttpStatus.UNPROCESSABLE_ENTITY,
};

export class LeadException extends AppException {
  constructor(code: LeadErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, LEAD_ERROR_STATUS[code], message, details);
  }
}

export function leadNotFound(): LeadException {
  return new LeadException(LeadErrorCode.NotFound, 'Lead not found');
}
