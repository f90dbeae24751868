import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum AlertErrorCode {
  NotFound = 'ALERT_NOT_FOUND',
  AlreadyResolved = 'ALERT_ALREADY_RESOLVED',
}

const ALERT_ERROR_STATUS: Record<AlertErrorCode, HttpStatus> = {
  [AlertErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [AlertErrorCode.AlreadyResolved]: HttpStatus.CONFLICT,
};

export class AlertException extends AppException {
  constructor(code: AlertErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, ALERT_ERROR_STATUS[code], message, details);
  }
}
