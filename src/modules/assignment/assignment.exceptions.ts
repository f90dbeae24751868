import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum AssignmentErrorCode {
  DepartmentNotFound = 'DEPARTMENT_NOT_FOUND',
  DepartmentNameTaken = 'DEPARTMENT_NAME_TAKEN',
  /** A member id that is not an active secretary of the organization. */
  DepartmentInvalidMember = 'DEPARTMENT_INVALID_MEMBER',
  UserNotFound = 'ASSIGNMENT_USER_NOT_FOUND',
  /** Only secretaries take part in automatic assignment. */
  NotASecretary = 'ASSIGNMENT_NOT_A_SECRETARY',
}

const ASSIGNMENT_ERROR_STATUS: Record<AssignmentErrorCode, HttpStatus> = {
  [AssignmentErrorCode.DepartmentNotFound]: HttpStatus.NOT_FOUND,
  [AssignmentErrorCode.DepartmentNameTaken]: HttpStatus.CONFLICT,
  [AssignmentErrorCode.DepartmentInvalidMember]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AssignmentErrorCode.UserNotFound]: HttpStatus.NOT_FOUND,
  [AssignmentErrorCode.NotASecretary]: HttpStatus.UNPROCESSABLE_ENTITY,
};

export class AssignmentException extends AppException {
  constructor(code: AssignmentErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, ASSIGNMENT_ERROR_STATUS[code], message, details);
  }
}

export function departmentNotFound(): AssignmentException {
  return new AssignmentException(AssignmentErrorCode.DepartmentNotFound, 'Department not found');
}
