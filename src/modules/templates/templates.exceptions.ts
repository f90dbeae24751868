import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum TemplateErrorCode {
  NotFound = 'TEMPLATE_NOT_FOUND',
  NameTaken = 'TEMPLATE_NAME_TAKEN',
  VariablesInvalid = 'TEMPLATE_VARIABLES_INVALID',
  QuickReplyNotFound = 'QUICK_REPLY_NOT_FOUND',
  QuickReplyTriggerTaken = 'QUICK_REPLY_TRIGGER_TAKEN',
  QuickReplyLimitReached = 'QUICK_REPLY_LIMIT_REACHED',
}

const TEMPLATE_ERROR_STATUS: Record<TemplateErrorCode, HttpStatus> = {
  [TemplateErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [TemplateErrorCode.NameTaken]: HttpStatus.CONFLICT,
  [TemplateErrorCode.VariablesInvalid]: HttpStatus.BAD_REQUEST,
  [TemplateErrorCode.QuickReplyNotFound]: HttpStatus.NOT_FOUND,
  [TemplateErrorCode.QuickReplyTriggerTaken]: HttpStatus.CONFLICT,
  [TemplateErrorCode.QuickReplyLimitReached]: HttpStatus.UNPROCESSABLE_ENTITY,
};

export class TemplateException extends AppException {
  constructor(code: TemplateErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, TEMPLATE_ERROR_STATUS[code], message, details);
  }
}
