import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum WebhookErrorCode {
  InvalidSignature = 'WEBHOOK_INVALID_SIGNATURE',
  UnknownSession = 'WEBHOOK_UNKNOWN_SESSION',
  InvalidPayload = 'WEBHOOK_INVALID_PAYLOAD',
}

const WEBHOOK_ERROR_STATUS: Record<WebhookErrorCode, HttpStatus> = {
  [WebhookErrorCode.InvalidSignature]: HttpStatus.UNAUTHORIZED,
  [WebhookErrorCode.UnknownSession]: HttpStatus.NOT_FOUND,
  [WebhookErrorCode.InvalidPayload]: HttpStatus.BAD_REQUEST,
};

export class WebhookException extends AppException {
  constructor(code: WebhookErrorCode, message: string) {
    super(code, WEBHOOK_ERROR_STATUS[code], message);
  }
}
