import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum ConversationErrorCode {
  NotFound = 'CONVERSATION_NOT_FOUND',
  Closed = 'CONVERSATION_CLOSED',
  MessageNotFound = 'MESSAGE_NOT_FOUND',
  MediaNotAvailable = 'MEDIA_NOT_AVAILABLE',
}

const CONVERSATION_ERROR_STATUS: Record<ConversationErrorCode, HttpStatus> = {
  [ConversationErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ConversationErrorCode.Closed]: HttpStatus.CONFLICT,
  [ConversationErrorCode.MessageNotFound]: HttpStatus.NOT_FOUND,
  [ConversationErrorCode.MediaNotAvailable]: HttpStatus.NOT_FOUND,
};

export class ConversationException extends AppException {
  constructor(code: ConversationErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, CONVERSATION_ERROR_STATUS[code], message, details);
  }
}

export function conversationNotFound(): ConversationException {
  return new ConversationException(ConversationErrorCode.NotFound, 'Conversation not found');
}
