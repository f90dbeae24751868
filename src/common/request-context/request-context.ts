import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

const SANE_REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Fastify's genReqId: reuse the caller's X-Request-Id when it is sane, otherwise generate one.
 * It is also stored on the raw request so pino-http (which sees only the raw request) logs the same id.
 */
export function resolveRequestId(raw: IncomingMessage): string {
  const header = raw.headers[REQUEST_ID_HEADER];
  const candidate = Array.isArray(header) ? header[0] : header;
  const id = candidate && SANE_REQUEST_ID.test(candidate) ? candidate : randomUUID();
  (raw as RawRequest).id = id;
  return id;
}

export type RawRequest = IncomingMessage & { id?: string };

/**
 * The client address as Fastify reports it (`request.ip`) for a boolean `trustProxy`: the leftmost
 * X-Forwarded-For entry when the proxy is trusted, else the socket's peer. Middleware only sees the raw request.
 */
export function clientIpOf(raw: IncomingMessage, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const header = raw.headers['x-forwarded-for'];
    const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return raw.socket?.remoteAddress;
}
