import { ValidateBy, ValidationOptions } from 'class-validator';

/** A position in a conversation's history: the message's `occurred_at` (UTC, microseconds) and its id. */
export interface MessageCursor {
  /** `2026-11-22T12:00:00.123456Z`: Postgres keeps microseconds, a JS Date only milliseconds, and a cursor
   * rounded to milliseconds would skip messages written within the same millisecond. */
  occurredAt: string;
  id: string;
}

const MAX_CURSOR_LENGTH = 200;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The SQL expression that renders `occurred_at` the way a cursor holds it. */
export function cursorTimestampSql(alias: string): string {
  return `to_char(${alias}.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Opaque to clients: base64url of `<occurred_at>|<id>`. */
export function encodeMessageCursor(cursor: MessageCursor): string {
  return Buffer.from(`${cursor.occurredAt}|${cursor.id}`, 'utf8').toString('base64url');
}

/** The cursor, or null when `raw` is not one this API issued (never throws). */
export function decodeMessageCursor(raw: unknown): MessageCursor | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_CURSOR_LENGTH || !BASE64URL.test(raw)) return null;
  const parts = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (parts.length !== 2) return null;
  const [occurredAt, id] = parts;
  if (!TIMESTAMP.test(occurredAt) || !UUID.test(id) || !isRealInstant(occurredAt)) return null;
  return { occurredAt, id: id.toLowerCase() };
}

// Rejects 2026-02-30 and 25:00 before Postgres would (as a 500) or JavaScript would roll them over.
function isRealInstant(timestamp: string): boolean {
  const millis = Date.parse(timestamp);
  return !Number.isNaN(millis) && new Date(millis).toISOString().slice(0, 23) === timestamp.slice(0, 23);
}

/** `@IsMessageCursor()`: a cursor this API issued; anything else is a 400 VALIDATION_FAILED. */
export function IsMessageCursor(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMessageCursor',
      validator: {
        validate: (value: unknown) => decodeMessageCursor(value) !== null,
        defaultMessage: (args) => `${args?.property ?? 'cursor'} must be a cursor returned by this endpoint`,
      },
    },
    options,
  );
}
