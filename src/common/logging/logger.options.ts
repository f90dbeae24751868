import { IncomingMessage, ServerResponse } from 'node:http';
import { Params } from 'nestjs-pino';
import { AppConfig } from 'src/config/app.config';

/**
 * What never reaches the logs: credentials, tokens, and patients' data (phone numbers, chat ids,
 * message bodies). WhatsApp chat ids embed the phone number, hence chatId.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-webhook-hmac"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.current_password',
  '*.new_password',
  '*.passwordHash',
  '*.token',
  '*.accessToken',
  '*.access_token',
  '*.refreshToken',
  '*.refresh_token',
  '*.apiKey',
  '*.api_key',
  '*.secret',
  '*.body',
  '*.text',
  '*.phone',
  '*.chatId',
  '*.chat_id',
];

function pathOnly(url: string | undefined): string | undefined {
  // Query strings can carry search terms such as a patient's phone number.
  return url?.split('?')[0];
}

export function buildLoggerOptions(app: AppConfig): Params {
  return {
    pinoHttp: {
      level: app.logLevel,
      // Fastify generated the id (resolveRequestId) and stored it on the raw request.
      genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? 'unknown',
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      serializers: {
        req: (req: IncomingMessage & { id?: string; originalUrl?: string }) => ({ id: req.id, method: req.method, url: pathOnly(req.originalUrl ?? req.url) }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      // Probes hit health every few seconds; their lines would drown the rest. (middie strips the mount prefix from url.)
      autoLogging: { ignore: (req) => pathOnly((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url)?.endsWith('/health') ?? false },
      customAttributeKeys: { reqId: 'requestId' },
      quietReqLogger: true,
    },
    // Nest's own lifecycle messages go through pino as well.
    forRoutes: ['*path'],
  };
}
