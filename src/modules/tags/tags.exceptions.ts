import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum TagErrorCode {
  NotFound = 'TAG_NOT_FOUND',
  NameTaken = 'TAG_NAME_TAKEN',
}

const TAG_ERROR_STATUS: Record<TagErrorCode, HttpStatus> = {
  [TagErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [TagErrorCode.NameTaken]: HttpStatus.CONFLICT,
};

export class TagException extends AppException {
  constructor(code: TagErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, TAG_ERROR_STATUS[code], message, details);
  }
}

export function tagNotFound(): TagException {
  return new TagException(TagErrorCode.NotFound, 'Tag not found');
}
