import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum KnowledgeErrorCode {
  NotFound = 'KNOWLEDGE_ITEM_NOT_FOUND',
  TitleTaken = 'KNOWLEDGE_TITLE_TAKEN',
  ImportTooLarge = 'KNOWLEDGE_IMPORT_TOO_LARGE',
  ImportInvalid = 'KNOWLEDGE_IMPORT_INVALID',
}

const KNOWLEDGE_ERROR_STATUS: Record<KnowledgeErrorCode, HttpStatus> = {
  [KnowledgeErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [KnowledgeErrorCode.TitleTaken]: HttpStatus.CONFLICT,
  [KnowledgeErrorCode.ImportTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [KnowledgeErrorCode.ImportInvalid]: HttpStatus.BAD_REQUEST,
};

export class KnowledgeException extends AppException {
  constructor(code: KnowledgeErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, KNOWLEDGE_ERROR_STATUS[code], message, details);
  }
}
