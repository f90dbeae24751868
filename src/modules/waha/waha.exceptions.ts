import { HttpStatus } from '@nestjs/common';
import { AppException } from 'src/common/exceptions/app.exception';
import { isWahaError, WahaClientError } from './client/waha.errors';

export enum WahaErrorCode {
  SessionNotFound = 'WHATSAPP_SESSION_NOT_FOUND',
  SessionExists = 'WHATSAPP_SESSION_EXISTS',
  SessionAlreadyConnected = 'WHATSAPP_SESSION_ALREADY_CONNECTED',
  SessionNotPairing = 'WHATSAPP_SESSION_NOT_PAIRING',
  Unavailable = 'WAHA_UNAVAILABLE',
  Rejected = 'WAHA_REJECTED',
}

// A Record, so the compiler refuses a new code that has no status.
const WAHA_ERROR_STATUS: Record<WahaErrorCode, HttpStatus> = {
  [WahaErrorCode.SessionNotFound]: HttpStatus.NOT_FOUND,
  [WahaErrorCode.SessionExists]: HttpStatus.CONFLICT,
  [WahaErrorCode.SessionAlreadyConnected]: HttpStatus.CONFLICT,
  [WahaErrorCode.SessionNotPairing]: HttpStatus.CONFLICT,
  [WahaErrorCode.Unavailable]: HttpStatus.BAD_GATEWAY,
  [WahaErrorCode.Rejected]: HttpStatus.BAD_GATEWAY,
};

export class WahaException extends AppException {
  constructor(code: WahaErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, WAHA_ERROR_STATUS[code], message, details);
  }
}

export function sessionNotFound(): WahaException {
  return new WahaException(WahaErrorCode.SessionNotFound, 'WhatsApp session not found');
}

/**
 * What the API answers when a WAHA call failed: WAHA's own refusal (4xx) is passed on with its message,
 * anything else (5xx, timeout, unreachable, garbage) means WAHA is unavailable. Never a 500: the dashboard
 * must tell "WhatsApp gateway down" apart from a bug. Non-WAHA errors are returned untouched.
 */
export function fromWahaError(error: unknown): unknown {
  if (!isWahaError(error)) return error;
  if (error instanceof WahaClientError && !isAuthFailure(error)) {
    return new WahaException(WahaErrorCode.Rejected, `WAHA refused the request: ${error.wahaMessage ?? `status ${error.status}`}`, {
      status: error.status,
      waha_message: error.wahaMessage ?? null,
    });
  }
  return new WahaException(WahaErrorCode.Unavailable, 'The WhatsApp gateway (WAHA) is unavailable; try again shortly', { reason: error.kind });
}

/** True for WAHA's 404 ("Session not found"). */
export function isWahaNotFound(error: unknown): boolean {
  return error instanceof WahaClientError && error.status === HttpStatus.NOT_FOUND;
}

/**
 * True when the failure says WAHA is down or unusable for us (5xx, timeout, unreachable, garbage, or our
 * API key refused), as opposed to a refusal of this one request.
 */
export function isWahaUnavailable(error: unknown): boolean {
  return isWahaError(error) && (!(error instanceof WahaClientError) || isAuthFailure(error));
}

// A refused API key is our misconfiguration, not the caller's request: it reads as "gateway unavailable".
function isAuthFailure(error: WahaClientError): boolean {
  return error.status === HttpStatus.UNAUTHORIZED || error.status === HttpStatus.FORBIDDEN;
}
