import { types } from 'node:util';
import { QueryFailedError } from 'typeorm';

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

export function pgErrorCode(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (pgErrorCode(error) !== PG_UNIQUE_VIOLATION) return false;
  if (!constraint) return true;
  return (error as QueryFailedError & { driverError: { constraint?: string } }).driverError.constraint === constraint;
}

// Connection-level failures mean the database is unavailable, not that the work or request is wrong.
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001', '08003']);
const CONNECTION_ERROR_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;

export function isConnectionError(error: unknown): boolean {
  // Node's socket errors fail `instanceof Error` across realms (e.g. under Jest): check both ways.
  if (!(error instanceof Error) && !types.isNativeError(error)) return false;
  const code = (error as Error & { code?: unknown }).code ?? (error as Error & { driverError?: { code?: unknown } }).driverError?.code;
  return CONNECTION_ERROR_CODES.has(String(code)) || CONNECTION_ERROR_MESSAGES.test(error.message);
}
