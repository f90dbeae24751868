import { IncomingMessage } from 'node:http';
import { resolveRequestId } from './request-context';

function raw(header?: string): IncomingMessage & { id?: string } {
  return { headers: header === undefined ? {} : { 'x-request-id': header } } as IncomingMessage & { id?: string };
}

describe('resolveRequestId', () => {
  it('should reuse a sane X-Request-Id and store it on the raw request for the logger', () => {
    const request = raw('abc-123_DEF');
    expect(resolveRequestId(request)).toBe('abc-123_DEF');
    expect(request.id).toBe('abc-123_DEF');
  });

  it.each(['', 'has space', 'a'.repeat(65), '<script>', 'semi;colon'])('should replace %p with a uuid', (header) => {
    expect(resolveRequestId(raw(header))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('should generate one when the header is missing', () => {
    expect(resolveRequestId(raw())).toHaveLength(36);
  });
});
