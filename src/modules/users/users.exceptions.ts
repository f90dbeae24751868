import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum UserErrorCode {
  NotFound = 'USER_NOT_FOUND',
  EmailTaken = 'USER_EMAIL_TAKEN',
  LastAdmin = 'USER_LAST_ADMIN',
  WeakPassword = 'USER_WEAK_PASSWORD',
  WrongPassword = 'USER_WRONG_PASSWORD',
}

const USER_ERROR_STATUS: Record<UserErrorCode, HttpStatus> = {
  [UserErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [UserErrorCode.EmailTaken]: HttpStatus.CONFLICT,
  [UserErrorCode.LastAdmin]: HttpStatus.CONFLICT,
  [UserErrorCode.WeakPassword]: HttpStatus.BAD_REQUEST,
  [UserErrorCode.WrongPassword]: HttpStatus.BAD_REQUEST,
};

export class UserException extends AppException {
  constructor(code: UserErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, USER_ERROR_STATUS[code], message, details);
  }
}
