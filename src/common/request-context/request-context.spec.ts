import { IncomingMessage } from 'node:http';
import { clientIpOf, resolveRequestId } from './request-context';

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

describe('clientIpOf', () => {
  const raw = (forwardedFor?: string): IncomingMessage =>
    ({ headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}, socket: { remoteAddress: '10.0.0.5' } }) as unknown as IncomingMessage;

  it('should take the socket’s peer when no proxy is trusted, whatever the headers say', () => {
    expect(clientIpOf(raw('203.0.113.7'), false)).toBe('10.0.0.5');
  });

  it('should take the leftmost forwarded address behind a trusted proxy', () => {
    expect(clientIpOf(raw('203.0.113.7, 10.0.0.1'), true)).toBe('203.0.113.7');
  });

  it('should fall back to the peer when a trusted proxy sent no header', () => {
    expect(clientIpOf(raw(), true)).toBe('10.0.0.5');
  });
});
