import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum ContactErrorCode {
  NotFound = 'CONTACT_NOT_FOUND',
  PhoneTaken = 'CONTACT_PHONE_TAKEN',
  ImportTooLarge = 'CONTACT_IMPORT_TOO_LARGE',
  ImportInvalidCsv = 'CONTACT_IMPORT_INVALID_CSV',
}

const CONTACT_ERROR_STATUS: Record<ContactErrorCode, HttpStatus> = {
  [ContactErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ContactErrorCode.PhoneTaken]: HttpStatus.CONFLICT,
  [ContactErrorCode.ImportTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ContactErrorCode.ImportInvalidCsv]: HttpStatus.BAD_REQUEST,
};

export class ContactException extends AppException {
  constructor(code: ContactErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, CONTACT_ERROR_STATUS[code], message, details);
  }
}
