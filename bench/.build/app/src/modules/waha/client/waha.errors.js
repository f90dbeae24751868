"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WahaInvalidResponseError = exports.WahaMediaTooLargeError = exports.WahaUnreachableError = exports.WahaTimeoutError = exports.WahaServerError = exports.WahaClientError = exports.WahaError = void 0;
exports.isWahaError = isWahaError;
const MAX_WAHA_MESSAGE_LENGTH = 300;
class WahaError extends Error {
    operation;
    status;
    wahaMessage;
    constructor(message, details) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.name = new.target.name;
        this.operation = details.operation;
        this.status = details.status;
        this.wahaMessage = details.wahaMessage?.slice(0, MAX_WAHA_MESSAGE_LENGTH);
    }
}
exports.WahaError = WahaError;
function describe(operation, status, wahaMessage) {
    const head = status === undefined ? `WAHA ${operation} failed` : `WAHA ${operation} answered ${status}`;
    return wahaMessage ? `${head}: ${wahaMessage.slice(0, MAX_WAHA_MESSAGE_LENGTH)}` : head;
}
class WahaClientError extends WahaError {
    kind = 'client';
    retryable = false;
    sessionStatus;
    constructor(details, message) {
        super(message ?? describe(details.operation, details.status, details.wahaMessage), details);
        this.sessionStatus = details.sessionStatus;
    }
    get sessionNotReady() {
        return this.sessionStatus !== undefined;
    }
}
exports.WahaClientError = WahaClientError;
class WahaServerError extends WahaError {
    kind = 'server';
    retryable;
    constructor(details) {
        super(describe(details.operation, details.status, details.wahaMessage), details);
        this.retryable = details.status !== 501;
    }
}
exports.WahaServerError = WahaServerError;
class WahaTimeoutError extends WahaError {
    timeoutMs;
    kind = 'timeout';
    retryable = true;
    constructor(details, timeoutMs) {
        super(`WAHA ${details.operation} timed out after ${timeoutMs} ms`, details);
        this.timeoutMs = timeoutMs;
    }
}
exports.WahaTimeoutError = WahaTimeoutError;
class WahaUnreachableError extends WahaError {
    code;
    kind = 'unreachable';
    retryable = true;
    constructor(details, code) {
        super(`WAHA ${details.operation} could not reach WAHA${code ? ` (${code})` : ''}`, details);
        this.code = code;
    }
}
exports.WahaUnreachableError = WahaUnreachableError;
class WahaMediaTooLargeError extends WahaError {
    maxBytes;
    kind = 'media-too-large';
    retryable = false;
    constructor(details, maxBytes) {
        super(`WAHA ${details.operation}: media exceeds ${maxBytes} bytes`, details);
        this.maxBytes = maxBytes;
    }
}
exports.WahaMediaTooLargeError = WahaMediaTooLargeError;
class WahaInvalidResponseError extends WahaError {
    kind = 'invalid-response';
    retryable = true;
    constructor(details, reason) {
        super(`WAHA ${details.operation} returned an invalid response: ${reason}`, details);
    }
}
exports.WahaInvalidResponseError = WahaInvalidResponseError;
function isWahaError(error) {
    return error instanceof WahaError;
}
//# sourceMappingURL=waha.errors.js.map