import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum NotificationErrorCode {
  NotFound = 'NOTIFICATION_NOT_FOUND',
}

const NOTIFICATION_ERROR_STATUS: Record<NotificationErrorCode, HttpStatus> = {
  [NotificationErrorCode.NotFound]: HttpStatus.NOT_FOUND,
};

export class NotificationException extends AppException {
  constructor(code: NotificationErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, NOTIFICATION_ERROR_STATUS[code], message, details);
  }
}

export function notificationNotFound(): NotificationException {
  return new NotificationException(NotificationErrorCode.NotFound, 'Notification not found');
}
