import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { WahaMe, WahaMessage, WahaSessionConfig, WahaSessionInfo, WahaSessionStatus } from 'src/modules/waha/client/waha.types';
import { handleControl } from 'test/support/fake-waha/control-api';
import { buildSessionStatusEvent } from 'test/support/fake-waha/event-builders';
import { FailureInjector, FailureRule } from 'test/support/fake-waha/failures';
import {
  DeliverOptions,
  DeliveryRecord,
  DeliveryResult,
  FailMode,
  FailOptions,
  FakeRequest,
  FakeResponse,
  FakeSentMessage,
  FakeSession,
  FakeWahaOptions,
  RecordedRequest,
} from 'test/support/fake-waha/fake-waha.types';
import { FakeWahaState } from 'test/support/fake-waha/fake-waha.state';
import { decodePath, readRequest, recordOf, writeResponse } from 'test/support/fake-waha/http-io';
import { MESSAGING_ROUTES } from 'test/support/fake-waha/messaging-routes';
import { isRecord, json } from 'test/support/fake-waha/route-helpers';
import { SESSION_ROUTES } from 'test/support/fake-waha/session-routes';
import { deliverWebhook } from 'test/support/fake-waha/webhook-sender';
import { badRequest, cannotRoute, FILE_NOT_FOUND, statusNotExpected, UNAUTHORIZED, unexpectedError } from 'test/support/fake-waha/wire-bodies';

export * from 'test/support/fake-waha/event-builders';
export * from 'test/support/fake-waha/fake-waha.types';
export { signWahaBody } from 'test/support/fake-waha/webhook-sender';
export { FAKE_CLINIC_ME, TINY_PNG } from 'test/support/fake-waha/wire-bodies';

const ROUTES = [...SESSION_ROUTES, ...MESSAGING_ROUTES];
const MESSAGE_EVENTS = new Set(['message', 'message.any']);

/**
 * A WAHA on loopback that speaks its wire format (see /work/shared/waha.md), records every request,
 * fails on demand and posts webhooks the way WAHA does. One instance per test file; `reset()` between tests.
 */
export class FakeWaha {
  readonly requests: RecordedRequest[] = [];
  readonly deliveries: DeliveryRecord[] = [];
  readonly emitsStatusEvents: boolean;
  private readonly state = new FakeWahaState((session) => this.onStatusChange(session));
  private readonly failures = new FailureInjector();
  private readonly hanging = new Set<ServerResponse>();
  private overrides: Array<{ method: string; pathPrefix: string; response: FakeResponse; remaining: number }> = [];
  private readonly sentListeners = new Set<(message: FakeSentMessage) => void>();
  private server: Server | null = null;
  private port = 0;

  private constructor(private readonly options: FakeWahaOptions) {
    this.emitsStatusEvents = options.emitStatusEvents ?? false;
  }

  static async start(options: FakeWahaOptions = {}): Promise<FakeWaha> {
    const fake = new FakeWaha(options);
    await fake.listen(options.port ?? 0);
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get apiKey(): string | undefined {
    return this.options.apiKey;
  }

  async stop(): Promise<void> {
    this.state.sessions.clear();
    await this.goDown();
  }

  requestsTo(pathPrefix: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path.startsWith(pathPrefix));
  }

  /** Forgets requests, deliveries, sessions, sent messages, media and failures; the port stays. */
  reset(): void {
    this.requests.length = 0;
    this.deliveries.length = 0;
    this.state.clear();
    this.heal();
  }

  /** A session that already exists (default WORKING, paired), without going through the lifecycle. */
  seedSession(name: string, options: { status?: WahaSessionStatus; config?: WahaSessionConfig; me?: WahaMe } = {}): WahaSessionInfo {
    const session = this.state.sessions.get(name) ?? this.state.sessions.create(name, false, options.config ?? null);
    if (options.config) session.config = options.config;
    this.state.sessions.force(session, options.status ?? 'WORKING', options.me);
    return this.state.sessions.info(session);
  }

  session(name: string): FakeSession | undefined {
    return this.state.sessions.get(name);
  }

  listSessions(): FakeSession[] {
    return this.state.sessions.list();
  }

  /** WORKING marks the device as paired and fills `me` (the fixtures' clinic unless given). */
  setSessionStatus(name: string, status: WahaSessionStatus, me?: WahaMe): void {
    this.state.sessions.force(this.requireSession(name), status, me);
  }

  /** Posts the session's current status to its webhook, as WAHA does on every change. */
  emitSessionStatus(name: string): Promise<DeliveryResult> {
    const session = this.requireSession(name);
    const event = buildSessionStatusEvent({ session: name, status: session.status, statuses: session.statuses, me: session.me });
    return this.deliverFor(name, event);
  }

  get sentMessages(): FakeSentMessage[] {
    return [...this.state.sent];
  }

  /**
   * Calls `listener` with every message a send endpoint accepts, as soon as it is recorded (before the response
   * is written), so a caller learns the instant a reply reached WAHA without polling `sentMessages`.
   * Returns the function that removes the listener.
   */
  onSent(listener: (message: FakeSentMessage) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  /** Adds a message to a chat's history (getChatMessages) without delivering it. */
  recordChatMessage(session: string, message: WahaMessage): void {
    this.state.recordReceived(session, message);
  }

  /** What check-exists answers for a phone: a chat id (e.g. without the 9th digit) or null (not on WhatsApp). */
  setNumberLookup(phone: string, chatId: string | null): void {
    this.state.numberLookups.set(phone.replace(/\D/g, ''), chatId);
  }

  /** Serves `data` at `path` (API key required); `chunked` omits Content-Length. */
  addMedia(path: string, data: Buffer, mimetype: string, options: { chunked?: boolean } = {}): void {
    this.state.media.set(mediaKey(path), { data, mimetype, chunked: options.chunked ?? false });
  }

  /** Like WAHA deleting a file after WHATSAPP_FILES_LIFETIME. */
  removeMedia(path: string): void {
    this.state.media.delete(mediaKey(path));
  }

  mediaUrl(path: string): string {
    return `${this.url}${path}`;
  }

  failWith(mode: FailMode, options?: FailOptions): void {
    this.failures.add(mode, options);
  }

  /**
   * Answers matching requests with `response` instead of the fake's own (e.g. a NOWEB send body, an
   * empty 201, a proxy's HTML page); `times` defaults to every request until heal().
   */
  respondWith(method: string, pathPrefix: string, response: FakeResponse, options: { times?: number } = {}): void {
    this.overrides.push({ method: method.toUpperCase(), pathPrefix, response, remaining: options.times ?? Infinity });
  }

  /** Clears injected failures and overrides, and drops requests left hanging by 'timeout'. */
  heal(): void {
    this.failures.clear();
    this.overrides = [];
    for (const response of this.hanging) response.destroy();
    this.hanging.clear();
  }

  /** Closes the listener and every connection: clients get ECONNREFUSED until comeBack(). */
  async goDown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.hanging.clear();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  async comeBack(): Promise<void> {
    if (!this.server) await this.listen(this.port);
  }

  async deliver(event: object | string, options: DeliverOptions): Promise<DeliveryResult> {
    const result = await deliverWebhook(event, options);
    const name = typeof event === 'object' && isRecord(event) && typeof event.event === 'string' ? event.event : null;
    this.deliveries.push({ ...result, url: options.url, event: name, at: new Date() });
    return result;
  }

  /**
   * Delivers to the session's `config.webhooks[0]` with its HMAC key and custom headers, adding the
   * session's metadata when the event has none. Message events also enter the chat history.
   */
  deliverFor(sessionName: string, event: object): Promise<DeliveryResult> {
    const session = this.requireSession(sessionName);
    const webhook = session.config?.webhooks?.[0];
    if (!webhook) throw new Error(`fake WAHA: session ${sessionName} has no webhook configured`);
    const body = withMetadata(event, session.config?.metadata);
    if (isRecord(body) && typeof body.event === 'string' && MESSAGE_EVENTS.has(body.event) && isRecord(body.payload)) {
      this.state.recordReceived(sessionName, body.payload as unknown as WahaMessage);
    }
    const headers = Object.fromEntries((webhook.customHeaders ?? []).map((header) => [header.name, header.value]));
    return this.deliver(body, { url: webhook.url, hmacKey: webhook.hmac?.key, headers });
  }

  private requireSession(name: string): FakeSession {
    const session = this.state.sessions.get(name);
    if (!session) throw new Error(`fake WAHA: no session ${name}`);
    return session;
  }

  private onStatusChange(session: FakeSession): void {
    if (!this.emitsStatusEvents || !session.config?.webhooks?.[0]) return;
    this.emitSessionStatus(session.name).catch(() => undefined);
  }

  private async listen(port: number): Promise<void> {
    const server = createServer((incoming, res) => void this.handle(incoming, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  private async handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const request = await readRequest(incoming);
      if (this.options.controlApi && request.path.startsWith('/__fake/')) return await writeResponse(res, await handleControl(this, request));
      this.requests.push(recordOf(request));
      const failure = this.failures.take(request.path);
      if (failure) return await this.fail(failure, request, res);
      await writeResponse(res, await this.route(request));
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) await writeResponse(res, json(500, unexpectedError(incoming.method ?? 'GET', incoming.url ?? '/', message)));
    }
  }

  private takeOverride(request: FakeRequest): FakeResponse | null {
    const override = this.overrides.find((item) => item.method === request.method && request.path.startsWith(item.pathPrefix));
    if (!override) return null;
    override.remaining -= 1;
    if (override.remaining <= 0) this.overrides = this.overrides.filter((item) => item !== override);
    return override.response;
  }

  private async route(request: FakeRequest): Promise<FakeResponse> {
    if (request.path === '/ping') return json(200, { message: 'pong' });
    if (this.options.apiKey && request.headers['x-api-key'] !== this.options.apiKey) return json(401, UNAUTHORIZED);
    const override = this.takeOverride(request);
    if (override) return override;
    const media = request.method === 'GET' ? this.state.media.get(request.path) : undefined;
    if (media) return { status: 200, raw: media.data, contentType: media.mimetype, chunked: media.chunked };
    for (const route of ROUTES) {
      const match = route.method === request.method ? route.pattern.exec(request.path) : null;
      if (match) {
        const sentBefore = this.state.sent.length;
        const response = await route.handle(this.state, request, match.slice(1));
        this.notifySent(sentBefore);
        return response;
      }
    }
    // Unknown GETs fall through to WAHA's file handler.
    return request.method === 'GET' ? json(404, FILE_NOT_FOUND) : json(404, cannotRoute(request.method, request.path));
  }

  private notifySent(from: number): void {
    if (this.sentListeners.size === 0) return;
    for (const message of this.state.sent.slice(from)) for (const listener of this.sentListeners) listener(message);
  }

  private async fail(rule: FailureRule, request: FakeRequest, res: ServerResponse): Promise<void> {
    if (rule.mode === '5xx') return writeResponse(res, json(500, unexpectedError(request.method, request.path)));
    if (rule.mode === '4xx') {
      const body = rule.status === 400 ? badRequest(['chatId should not be empty']) : statusNotExpected('default', 'STARTING', ['WORKING']);
      return writeResponse(res, json(rule.status ?? 422, body));
    }
    if (rule.sideEffects) await this.route(request);
    this.hanging.add(res);
    res.on('close', () => this.hanging.delete(res));
  }
}

function mediaKey(path: string): string {
  return decodePath(new URL(path, 'http://127.0.0.1').pathname);
}

/** WAHA echoes the session's metadata in every envelope, right after `session`. */
function withMetadata(event: object, metadata: Record<string, string> | undefined): object {
  if (!metadata || !isRecord(event) || 'metadata' in event) return event;
  const entries = Object.entries(event);
  const at = entries.findIndex(([key]) => key === 'session') + 1;
  return Object.fromEntries([...entries.slice(0, at), ['metadata', metadata], ...entries.slice(at)]);
}
