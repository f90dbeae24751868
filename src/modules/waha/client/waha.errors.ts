export type WahaErrorKind = 'client' | 'server' | 'timeout' | 'unreachable' | 'media-too-large' | 'invalid-response';

interface WahaErrorDetails {
  /** Client method that failed (`sendText`…); never a URL, which can embed a chat id. */
  operation: string;
  status?: number;
  wahaMessage?: string;
  cause?: unknown;
}

const MAX_WAHA_MESSAGE_LENGTH = 300;

/**
 * Base of every failure of a WAHA call. `retryable` says whether repeating the same request later can
 * succeed; it does not say whether a send may have gone out (a timeout can hide a delivered message).
 */
export abstract class WahaError extends Error {
  abstract readonly kind: WahaErrorKind;
  abstract readonly retryable: boolean;
  readonly operation: string;
  readonly status?: number;
  readonly wahaMessage?: string;

  protected constructor(message: string, details: WahaErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.operation = details.operation;
    this.status = details.status;
    this.wahaMessage = details.wahaMessage?.slice(0, MAX_WAHA_MESSAGE_LENGTH);
  }
}

function describe(operation: string, status: number | undefined, wahaMessage: string | undefined): string {
  const head = status === undefined ? `WAHA ${operation} failed` : `WAHA ${operation} answered ${status}`;
  return wahaMessage ? `${head}: ${wahaMessage.slice(0, MAX_WAHA_MESSAGE_LENGTH)}` : head;
}

/**
 * WAHA refused the request (4xx): bad input, wrong API key, unknown session, expired media.
 * A 422 whose body names the session's current status means the session is not ready (e.g. SCAN_QR_CODE):
 * repeating the request now fails the same way, but it can succeed once the session is WORKING again.
 */
export class WahaClientError extends WahaError {
  readonly kind = 'client' as const;
  readonly retryable = false;
  /** Session status WAHA reported when it refused because the session was not in the expected state. */
  readonly sessionStatus?: string;

  constructor(details: WahaErrorDetails & { sessionStatus?: string }, message?: string) {
    super(message ?? describe(details.operation, details.status, details.wahaMessage), details);
    this.sessionStatus = details.sessionStatus;
  }

  get sessionNotReady(): boolean {
    return this.sessionStatus !== undefined;
  }
}

export class WahaServerError extends WahaError {
  readonly kind = 'server' as const;
  readonly retryable: boolean;

  constructor(details: WahaErrorDetails) {
    super(describe(details.operation, details.status, details.wahaMessage), details);
    // WAHA Core answers 501 for features it lacks (sendVideo before 2026.6.1); retrying cannot help.
    this.retryable = details.status !== 501;
  }
}

export class WahaTimeoutError extends WahaError {
  readonly kind = 'timeout' as const;
  readonly retryable = true;

  constructor(
    details: WahaErrorDetails,
    readonly timeoutMs: number,
  ) {
    super(`WAHA ${details.operation} timed out after ${timeoutMs} ms`, details);
  }
}

export class WahaUnreachableError extends WahaError {
  readonly kind = 'unreachable' as const;
  readonly retryable = true;

  constructor(
    details: WahaErrorDetails,
    /** System error code from the socket (`ECONNREFUSED`, `ENOTFOUND`…), when known. */
    readonly code?: string,
  ) {
    super(`WAHA ${details.operation} could not reach WAHA${code ? ` (${code})` : ''}`, details);
  }
}

export class WahaMediaTooLargeError extends WahaError {
  readonly kind = 'media-too-large' as const;
  readonly retryable = false;

  constructor(
    details: WahaErrorDetails,
    readonly maxBytes: number,
  ) {
    super(`WAHA ${details.operation}: media exceeds ${maxBytes} bytes`, details);
  }
}

/** WAHA answered 2xx with a body that is not what the endpoint returns (a proxy page, a truncated body). */
export class WahaInvalidResponseError extends WahaError {
  readonly kind = 'invalid-response' as const;
  readonly retryable = true;

  constructor(details: WahaErrorDetails, reason: string) {
    super(`WAHA ${details.operation} returned an invalid response: ${reason}`, details);
  }
}

export function isWahaError(error: unknown): error is WahaError {
  return error instanceof WahaError;
}
