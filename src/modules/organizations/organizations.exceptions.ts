import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum OrganizationErrorCode {
  NotFound = 'ORGANIZATION_NOT_FOUND',
  Suspended = 'ORGANIZATION_SUSPENDED',
  AlreadySuspended = 'ORGANIZATION_ALREADY_SUSPENDED',
  NotSuspended = 'ORGANIZATION_NOT_SUSPENDED',
  PlanLimitReached = 'PLAN_LIMIT_REACHED',
  PlanNotFound = 'PLAN_NOT_FOUND',
}

const ORGANIZATION_ERROR_STATUS: Record<OrganizationErrorCode, HttpStatus> = {
  [OrganizationErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [OrganizationErrorCode.Suspended]: HttpStatus.FORBIDDEN,
  [OrganizationErrorCode.AlreadySuspended]: HttpStatus.CONFLICT,
  [OrganizationErrorCode.NotSuspended]: HttpStatus.CONFLICT,
  [OrganizationErrorCode.PlanLimitReached]: HttpStatus.FORBIDDEN,
  [OrganizationErrorCode.PlanNotFound]: HttpStatus.BAD_REQUEST,
};

export class OrganizationException extends AppException {
  constructor(code: OrganizationErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, ORGANIZATION_ERROR_STATUS[code], message, details);
  }
}
