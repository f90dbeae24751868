import { HttpStatus, ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppException, CommonErrorCode } from 'src/common/exceptions/app.exception';

export interface FieldError {
  field: string;
  errors: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function validationFailed(details: FieldError[]): AppException {
  return new AppException(CommonErrorCode.ValidationFailed, HttpStatus.BAD_REQUEST, 'Request validation failed', details);
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

/** `@Param('id', UuidPipe)`: a malformed id answers 400 VALIDATION_FAILED, never a Postgres cast error. */
export const UuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => validationFailed([{ field: 'id', errors: ['id must be a UUID'] }]),
});
