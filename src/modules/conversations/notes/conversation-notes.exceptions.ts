import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum ConversationNoteErrorCode {
  NotFound = 'CONVERSATION_NOTE_NOT_FOUND',
  NotAuthor = 'CONVERSATION_NOTE_NOT_AUTHOR',
}

const NOTE_ERROR_STATUS: Record<ConversationNoteErrorCode, HttpStatus> = {
  [ConversationNoteErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ConversationNoteErrorCode.NotAuthor]: HttpStatus.FORBIDDEN,
};

export class ConversationNoteException extends AppException {
  constructor(code: ConversationNoteErrorCode, message: string) {
    super(code, NOTE_ERROR_STATUS[code], message);
  }
}
