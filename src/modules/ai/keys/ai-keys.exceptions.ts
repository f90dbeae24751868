import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum AiKeyErrorCode {
  NotFound = 'AI_KEY_NOT_FOUND',
  Duplicate = 'AI_KEY_DUPLICATE',
  LimitReached = 'AI_KEY_LIMIT_REACHED',
}

const AI_KEY_ERROR_STATUS: Record<AiKeyErrorCode, HttpStatus> = {
  [AiKeyErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [AiKeyErrorCode.Duplicate]: HttpStatus.CONFLICT,
  [AiKeyErrorCode.LimitReached]: HttpStatus.UNPROCESSABLE_ENTITY,
};

export class AiKeyException extends AppException {
  constructor(code: AiKeyErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, AI_KEY_ERROR_STATUS[code], message, details);
  }
}
