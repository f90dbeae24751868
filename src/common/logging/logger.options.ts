import { RequestMethod } from '@nestjs/common';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Params } from 'nestjs-pino';
import pino, { DestinationStream } from 'pino';
import { Options } from 'pino-http';
import { AppConfig } from 'src/config/app.config';

/**
 * What never reaches the logs: credentials, tokens, and patients' data (phone numbers, chat ids,
 * message bodies). WhatsApp chat ids embed the phone number, hence chatId. Request and response headers
 * need no entry: the serializers below keep only id, method, path and status code.
 */
export const REDACTED_FIELDS: ReadonlySet<string> = new Set([
  'password',
  'passwordHash',
  'token',
  'refreshToken',
  'refresh_token',
  'apiKey',
  'secret',
  'body',
  'text',
  'phone',
  'chatId',
]);

export const CENSORED = '[REDACTED]';

// Only plain data objects: class instances (requests, errors) have their own serializers.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function censorFields(object: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    if (REDACTED_FIELDS.has(key)) (copy ??= { ...object })[key] = CENSORED;
  }
  return copy ?? object;
}

/**
 * Censors the sensitive fields of a log object and of the objects directly inside it (pino's `*.field`).
 * pino's own `redact` with these wildcards cost about 10 µs a line, a few percent of a request; this
 * allocates only when something must be censored.
 */
export function censorSensitive(object: Record<string, unknown>): Record<string, unknown> {
  let result = censorFields(object);
  for (const [key, value] of Object.entries(result)) {
    if (!isPlainObject(value)) continue;
    const censored = censorFields(value);
    if (censored !== value) (result === object ? (result = { ...object }) : result)[key] = censored;
  }
  return result;
}

type RawRequest = IncomingMessage & { originalUrl?: string };

function pathOf(req: RawRequest): string | undefined {
  // middie strips the mount prefix from url; query strings can carry search terms such as a phone number.
  return (req.originalUrl ?? req.url)?.split('?')[0];
}

export function buildPinoHttpOptions(app: Pick<AppConfig, 'logLevel'>): Options {
  return {
    level: app.logLevel,
    // Fastify generated the id (resolveRequestId) and stored it on the raw request.
    genReqId: (req) => req.id ?? 'unknown',
    formatters: { log: censorSensitive },
    serializers: {
      req: (req: RawRequest) => ({ id: req.id, method: req.method, url: pathOf(req) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    // Probes hit health every few seconds; their lines would drown the rest.
    autoLogging: { ignore: (req) => pathOf(req)?.endsWith('/health') ?? false },
    customAttributeKeys: { reqId: 'requestId' },
    quietReqLogger: true,
  };
}

const destinations: Array<ReturnType<typeof pino.destination>> = [];

/**
 * Buffered stdout: a line per request written synchronously was a tenth of a request's CPU.
 * `flushLogs()` empties the buffer before the process exits.
 */
export function createLogDestination(): DestinationStream {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  destinations.push(destination);
  return destination;
}

export function flushLogs(): void {
  for (const destination of destinations) {
    try {
      destination.flushSync();
    } catch {
      // Not ready yet (nothing written) or already closed: nothing to flush.
    }
  }
}

export function buildLoggerOptions(app: AppConfig, destination: DestinationStream = createLogDestination()): Params {
  return {
    pinoHttp: [buildPinoHttpOptions(app), destination],
    // Nest's own lifecycle messages go through pino as well.
    forRoutes: ['*path'],
    // WAHA posts thousands of webhooks a second: a child logger and a completion line per delivery was a sixth of
    // the webhook's CPU. Its failures are still logged (exception filter, services).
    exclude: [{ method: RequestMethod.POST, path: 'webhooks/waha' }],
  };
}
