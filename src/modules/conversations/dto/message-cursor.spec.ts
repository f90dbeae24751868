import { decodeMessageCursor, encodeMessageCursor, MessageCursor } from './message-cursor';

const cursor: MessageCursor = { occurredAt: '2026-11-22T12:00:00.123456Z', id: '1b7e4c2a-9d3f-4e8b-a6c5-0f2e4d6b8a13' };

function encodeRaw(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

describe('message cursor', () => {
  describe('encodeMessageCursor', () => {
    it('should produce an opaque base64url string that round-trips, microseconds included', () => {
      const encoded = encodeMessageCursor(cursor);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeMessageCursor(encoded)).toEqual(cursor);
    });

    it('should give different cursors to messages a microsecond apart', () => {
      expect(encodeMessageCursor(cursor)).not.toBe(encodeMessageCursor({ ...cursor, occurredAt: '2026-11-22T12:00:00.123457Z' }));
    });
  });

  describe('decodeMessageCursor', () => {
    it('should lower-case the id', () => {
      expect(decodeMessageCursor(encodeRaw(`${cursor.occurredAt}|${cursor.id.toUpperCase()}`))).toEqual(cursor);
    });

    it.each([
      ['an empty string', ''],
      ['a non-string', 42],
      ['characters outside base64url', 'abc+/='],
      ['an over-long value', 'A'.repeat(201)],
      ['garbage that decodes to nothing useful', 'bm90LWEtY3Vyc29y'],
      ['a missing id', encodeRaw('2026-11-22T12:00:00.123456Z')],
      ['an extra part', encodeRaw(`${cursor.occurredAt}|${cursor.id}|x`)],
      ['a malformed id', encodeRaw(`${cursor.occurredAt}|not-a-uuid`)],
      ['a timestamp without microseconds', encodeRaw(`2026-11-22T12:00:00.123Z|${cursor.id}`)],
      ['a timestamp with an offset', encodeRaw(`2026-11-22T12:00:00.123456+03:00|${cursor.id}`)],
      ['an impossible date', encodeRaw(`2026-02-30T12:00:00.000000Z|${cursor.id}`)],
      ['an impossible hour', encodeRaw(`2026-11-22T25:00:00.000000Z|${cursor.id}`)],
      ['SQL in the timestamp', encodeRaw(`2026-11-22'; DROP TABLE messages;--|${cursor.id}`)],
    ])('should answer null for %s', (_label, raw) => {
      expect(decodeMessageCursor(raw)).toBeNull();
    });
  });
});
