import helmet from '@fastify/helmet';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoLogger } from 'nestjs-pino';
import { appConfig } from 'src/config/app.config';
import { AppConfig } from 'src/config/app.config';
import { flushLogs } from 'src/common/logging/logger.options';
import { REQUEST_ID_HEADER, resolveRequestId } from 'src/common/request-context/request-context';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { WorkerRunner } from 'src/queue/worker-runner';

export const API_PREFIX = 'api/v1';

// JSON responses never load anything (OWASP's REST advice); Swagger UI needs its own inline script and styles.
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
const DOCS_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; object-src 'none'";

/**
 * Nest's own body parsers are off: Fastify's built-in JSON parser (bounded by bodyLimit) is the only
 * one, so form bodies and other content types answer 415 instead of reaching validation.
 */
export const NEST_APP_OPTIONS = { bodyParser: false } as const;

export function createFastifyAdapter(app: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: app.bodyLimitBytes,
    trustProxy: app.trustProxy,
    genReqId: resolveRequestId,
    // Nest's 404 for unknown routes already covers this; keep Fastify quiet.
    logger: false,
  });
}

/** Everything that cannot live in a module; main.ts and the e2e harness both call it, so tests run the real app. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  const config = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  app.useLogger(app.get(PinoLogger));
  app.setGlobalPrefix(API_PREFIX);
  app.enableCors({
    origin: config.corsOrigins,
    credentials: true,
    exposedHeaders: ['X-Request-Id', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After'],
  });
  // The Content-Security-Policy is set below as a constant: helmet rebuilds it on every response.
  await app.register(helmet, { contentSecurityPolicy: false });
  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON only; any other content type is answered 415 instead of reaching validation.
  fastify.removeContentTypeParser('text/plain');
  installJsonParserKeepingWebhookBytes(fastify);
  fastify.addHook('onRoute', (route) => {
    const limit = ROUTE_BODY_LIMITS[route.url];
    if (limit !== undefined) route.bodyLimit = limit;
  });
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    void reply.header('content-security-policy', request.url.startsWith('/docs') ? DOCS_CSP : API_CSP);
  });
  if (config.swaggerEnabled) setUpSwagger(app);
}

export const WAHA_WEBHOOK_PATH = `/${API_PREFIX}/webhooks/waha`;

/** Routes whose body limit differs from BODY_LIMIT_BYTES: the webhook is tighter, the CSV import larger. */
const ROUTE_BODY_LIMITS: Record<string, number> = {
  [WAHA_WEBHOOK_PATH]: 256 * 1024,
  // A 2 MB CSV inside a JSON string, plus escaping.
  [`/${API_PREFIX}/contacts/import`]: 3 * 1024 * 1024,
};

/** The exact bytes WAHA signed, kept on the request for the HMAC check. */
export interface RawBodyRequest {
  rawBody?: Buffer;
}

/** Fastify's own JSON parser (prototype-poisoning safe), fed from a buffer so the webhook keeps the exact signed bytes. */
function installJsonParserKeepingWebhookBytes(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (request.url.split('?')[0] === WAHA_WEBHOOK_PATH) (request as unknown as RawBodyRequest).rawBody = bytes;
    parseJson(request, bytes.toString('utf8'), done);
  });
}

function setUpSwagger(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Robbot API')
      .setDescription(
        'The clinic WhatsApp front desk. Every error answers `{ statusCode, code, message, details?, requestId }`; ' +
          'send `Authorization: Bearer <access_token>` from `POST /api/v1/auth/login`.',
      )
      .setVersion('1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
    { extraModels: [ErrorResponseDto] },
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', swaggerOptions: { persistAuthorization: true } });
}

interface Closable {
  close(): Promise<unknown>;
}

/**
 * Shutdown in dependency order: stop taking HTTP requests (in-flight ones finish), then stop the queue
 * workers (running jobs finish), then let Nest close the rest (database and Redis connections last).
 */
export async function shutDownGracefully(app: INestApplicationContext, http: Closable | null): Promise<void> {
  if (http) await http.close();
  await app.get(WorkerRunner).stop();
  await app.close();
}

function exitFlushed(code: number): never {
  flushLogs();
  process.exit(code);
}

export function installShutdownHandlers(app: INestApplicationContext, http: Closable | null, timeoutMs: number): void {
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    const logger = new Logger('Shutdown');
    logger.log({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out; exiting');
      exitFlushed(1);
    }, timeoutMs);
    timer.unref();
    shutDownGracefully(app, http)
      .then(() => exitFlushed(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        exitFlushed(1);
      });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
