import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';

export enum AuthErrorCode {
  InvalidCredentials = 'AUTH_INVALID_CREDENTIALS',
  AccountDisabled = 'AUTH_ACCOUNT_DISABLED',
  InvalidRefreshToken = 'AUTH_INVALID_REFRESH_TOKEN',
  RefreshTokenReused = 'AUTH_REFRESH_TOKEN_REUSED',
  SessionRevoked = 'AUTH_SESSION_REVOKED',
}

const AUTH_ERROR_STATUS: Record<AuthErrorCode, HttpStatus> = {
  [AuthErrorCode.InvalidCredentials]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.AccountDisabled]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.InvalidRefreshToken]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.RefreshTokenReused]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.SessionRevoked]: HttpStatus.UNAUTHORIZED,
};

export class AuthException extends AppException {
  constructor(code: AuthErrorCode, message: string) {
    super(code, AUTH_ERROR_STATUS[code], message);
  }
}
