import { randomBytes } from 'node:crypto';
import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainEvent, MessageReceivedEvent } from 'src/common/events/domain-events';
import { databaseConfig } from 'src/config/database.config';
import { redisConfig } from 'src/config/redis.config';
import { WhatsappContactsService } from 'src/modules/contacts/whatsapp-contacts.service';
import { InboundEventsService } from 'src/modules/conversations/inbound/inbound-events.service';
import { InboundMessageHandlers } from 'src/modules/conversations/inbound/inbound-message.handlers';
import { MessagingMaintenanceProcessor } from 'src/modules/conversations/messaging-maintenance.processor';
import { InboxBatchWriter } from 'src/modules/waha/inbox/inbox-batch-writer';
import { InboxSweeper } from 'src/modules/waha/inbox/inbox-sweeper';
import { InboxEventStatus } from 'src/modules/waha/inbox/waha-inbox-event.entity';
import { LockedInboxEvent, MAX_INBOX_ATTEMPTS } from 'src/modules/waha/inbox/waha-inbox.service';
import { WahaMaintenanceProcessor } from 'src/modules/waha/waha-maintenance.processor';
import { QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { http, PREFIX } from 'test/support/api';
import { createTestApp } from 'test/support/create-test-app';
import { createClinic } from 'test/support/factories';
import { buildMessageEvent, MessageEventOptions } from 'test/support/fake-waha.server';
import { loadTestRun } from 'test/support/test-run';
import { waitFor as poll } from 'test/support/wait-for';
import { dataSourceOf, insertWhatsappSession, postWebhook, TestWhatsappSession } from 'test/support/whatsapp';

/** waitFor, typed for what it returns: the condition's value once it is truthy. */
const waitFor = <T>(condition: () => Promise<T> | T, options?: Parameters<typeof poll>[1]): Promise<NonNullable<T>> =>
  poll(condition, options) as Promise<NonNullable<T>>;

/**
 * What happens when things go wrong around the webhook: WAHA redelivering, workers dying or racing,
 * one poisoned event in a batch, Redis or PostgreSQL going away. Infrastructure outages are simulated
 * with a TCP proxy in front of the real server, so only the app under test loses it.
 */

type Row = Record<string, unknown>;

/**
 * A TCP forwarder whose outage is ours alone. goDown() cuts the open connections and then refuses new ones
 * ('refuse', the server is gone) or accepts and drops them ('reset', e.g. a pooler whose database is gone).
 */
class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private port = 0;
  private dropping = false;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetHost, targetPort);
    await proxy.listen(0);
    return proxy;
  }

  get listeningPort(): string {
    return String(this.port);
  }

  async goDown(mode: 'refuse' | 'reset' = 'refuse'): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (mode === 'reset') {
      this.dropping = true;
      return;
    }
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async comeBack(): Promise<void> {
    this.dropping = false;
    if (!this.server) await this.listen(this.port);
  }

  private async listen(port: number): Promise<void> {
    const server = createServer((client) => {
      if (this.dropping) {
        client.destroy();
        return;
      }
      const upstream = connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          this.sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }
}

/** The builders type the envelope id as optional (old WAHA sends none); theirs always has one. */
function withId<E extends { id?: string }>(event: E): E & { id: string } {
  return { ...event, id: String(event.id) };
}

function randomPatientChat(): string {
  return `55119${String(randomBytes(4).readUInt32BE(0) % 100_000_000).padStart(8, '0')}@c.us`;
}

/**
 * This file's apps have their own BullMQ prefix, hence their own scheduled maintenance: the inbox and message
 * sweeps and the session monitor, which act on every clinic of the shared test database (they would take other
 * files' pending rows and raise or resolve their WAHA alerts). Here those jobs do nothing; tests sweep explicitly.
 */
function disableScheduledMaintenance(): void {
  jest.spyOn(WahaMaintenanceProcessor.prototype, 'process').mockResolvedValue(null);
  jest.spyOn(MessagingMaintenanceProcessor.prototype, 'process').mockResolvedValue(null);
}

describe('WAHA webhook reliability (e2e)', () => {
  const runPrefix = loadTestRun().redisKeyPrefix;
  let app: NestFastifyApplication;
  let session: TestWhatsappSession;
  const received: MessageReceivedEvent[] = [];

  const query = <T = Row>(sql: string, params: unknown[] = []): Promise<T[]> => dataSourceOf(app).query(sql, params);
  const patientEvent = (options: Partial<MessageEventOptions> = {}) =>
    withId(buildMessageEvent({ session: session.name, from: randomPatientChat(), body: `mensagem ${randomBytes(3).toString('hex')}`, ...options }));
  const inboxRows = (eventIds: string[]): Promise<Row[]> =>
    query(`SELECT id, event_id, status, outcome, attempts FROM waha_inbox_events WHERE session_id = $1 AND event_id = ANY($2) ORDER BY event_id`, [session.id, eventIds]);
  const messagesOf = (wahaMessageIds: string[]): Promise<Row[]> =>
    query(`SELECT id, waha_message_id, conversation_id FROM messages WHERE session_id = $1 AND waha_message_id = ANY($2)`, [session.id, wahaMessageIds]);
  const receivedFor = (messageId: unknown): MessageReceivedEvent[] => received.filter((event) => event.messageId === messageId);

  /** Stores inbox rows the way the webhook does, but enqueues nothing: the test decides who processes them. */
  async function storePending(events: ReturnType<typeof patientEvent>[]): Promise<string[]> {
    const writer = app.get(InboxBatchWriter);
    const ids: string[] = [];
    for (const event of events) {
      const { id } = await writer.write({
        organizationId: session.organizationId,
        sessionId: session.id,
        eventId: event.id,
        event: event.event,
        payload: JSON.stringify(event),
        status: InboxEventStatus.Pending,
        outcome: null,
      });
      if (!id) throw new Error('inbox row was not new');
      ids.push(id);
    }
    return ids;
  }

  /** Makes the patient-message handler throw for one WAHA message id, `times` times (Infinity: always). */
  function poison(wahaMessageId: string, times: number): { calls: () => number; restore: () => void } {
    const handlers = app.get(InboundMessageHandlers);
    const original = handlers.patientMessage.bind(handlers);
    let thrown = 0;
    let calls = 0;
    const spy = jest.spyOn(handlers, 'patientMessage').mockImplementation(async (manager, event: LockedInboxEvent, effects) => {
      if ((event.payload.payload as Row).id === wahaMessageId) {
        calls += 1;
        if (thrown < times) {
          thrown += 1;
          throw new Error('simulated handler failure');
        }
      }
      return original(manager, event, effects);
    });
    // The batch path handles fresh messages set-wise; route them through the (poisoned) per-message handler.
    const batchSpy = jest.spyOn(handlers, 'patientMessages').mockImplementation(async (manager, events: LockedInboxEvent[], effects) => {
      const outcomes = new Map<string, string | null>();
      for (const event of events) outcomes.set(event.id, await handlers.patientMessage(manager, event, effects));
      return outcomes;
    });
    return {
      calls: () => calls,
      restore: () => {
        spy.mockRestore();
        batchSpy.mockRestore();
      },
    };
  }

  async function sweepUntilSettled(eventIds: string[]): Promise<Row[]> {
    const sweeper = app.get(InboxSweeper);
    return waitFor(
      async () => {
        await sweeper.sweep();
        const rows = await inboxRows(eventIds);
        return rows.length === eventIds.length && rows.every((row) => row.status !== 'pending') ? rows : null;
      },
      { what: 'inbox rows settled', intervalMs: 250 },
    );
  }

  beforeAll(async () => {
    disableScheduledMaintenance();
    // Its own BullMQ prefix, so only this app's workers take this file's jobs (and emit its events).
    app = await createTestApp({ REDIS_KEY_PREFIX: `${runPrefix}-reliability`, INBOX_SWEEP_AFTER_MS: '1000' });
    const clinic = await createClinic(app);
    session = await insertWhatsappSession(app, clinic.organizationId);
    app.get(EventEmitter2).on(DomainEvent.MessageReceived, (event: MessageReceivedEvent) => received.push(event));
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('duplicate deliveries', () => {
    it('should store one inbox row, one message and one message.received for the same webhook delivered 3 times at once', async () => {
      const event = patientEvent();
      const responses = await Promise.all([1, 2, 3].map(() => postWebhook(app, event, session.hmacKey)));
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
      expect(responses.map((response) => response.body.status).sort()).toEqual(['accepted', 'duplicate', 'duplicate']);

      const [row] = await waitFor(async () => {
        const rows = await inboxRows([event.id]);
        return rows[0]?.status === 'processed' ? rows : null;
      }, { what: 'inbox row processed' });
      expect(row.attempts).toBe(1);
      const messages = await messagesOf([event.payload.id]);
      expect(messages).toHaveLength(1);
      await waitFor(() => receivedFor(messages[0].id).length > 0, { what: 'message.received emitted' });
      expect(receivedFor(messages[0].id)).toHaveLength(1);
      expect(await inboxRows([event.id])).toHaveLength(1);
    });

    it('should store one message when the same message arrives as message, as message.any and again after a retry, all at once', async () => {
      const event = patientEvent();
      const any = { ...event, id: `${event.id.slice(0, -4)}zzzz`, event: 'message.any' };
      const bodies = [event, any, event, any, event];
      const responses = await Promise.all(bodies.map((body) => postWebhook(app, body, session.hmacKey)));
      expect(responses.every((response) => response.status === 200)).toBe(true);
      expect(responses.map((response) => response.body.status).sort()).toEqual(['accepted', 'duplicate', 'duplicate', 'duplicate', 'ignored']);
      await waitFor(async () => (await inboxRows([event.id]))[0]?.status === 'processed', { what: 'message processed' });
      const messages = await messagesOf([event.payload.id]);
      expect(messages).toHaveLength(1);
      await waitFor(() => receivedFor(messages[0].id).length > 0);
      expect(receivedFor(messages[0].id)).toHaveLength(1);
    });
  });

  describe('processing that dies or races', () => {
    it('should process an event once when two jobs run it at the same time', async () => {
      const event = patientEvent();
      const [id] = await storePending([event]);
      const inbound = app.get(InboundEventsService);
      await Promise.all([inbound.processBatch([id]), inbound.processBatch([id]), inbound.processBatch([id])]);
      expect(await inboxRows([event.id])).toEqual([expect.objectContaining({ status: 'processed', attempts: 1 })]);
      const messages = await messagesOf([event.payload.id]);
      expect(messages).toHaveLength(1);
      expect(receivedFor(messages[0].id)).toHaveLength(1);
    });

    it('should redo nothing when a job that already committed runs again (worker died before acking the job)', async () => {
      const event = patientEvent();
      const [id] = await storePending([event]);
      const inbound = app.get(InboundEventsService);
      await inbound.processBatch([id]);
      await inbound.processBatch([id]);
      const messages = await messagesOf([event.payload.id]);
      expect(messages).toHaveLength(1);
      expect(receivedFor(messages[0].id)).toHaveLength(1);
      expect(await inboxRows([event.id])).toEqual([expect.objectContaining({ status: 'processed', attempts: 1 })]);
    });

    it('should not duplicate a message whose inbox row is pending again although the message was written', async () => {
      const event = patientEvent();
      const [id] = await storePending([event]);
      const inbound = app.get(InboundEventsService);
      await inbound.processBatch([id]);
      // As if the row's settle had been lost: the message exists, the inbox says pending.
      await query(`UPDATE waha_inbox_events SET status = 'pending', processed_at = NULL WHERE id = $1`, [id]);
      await inbound.processBatch([id]);
      const messages = await messagesOf([event.payload.id]);
      expect(messages).toHaveLength(1);
      expect(receivedFor(messages[0].id)).toHaveLength(1);
      expect(await inboxRows([event.id])).toEqual([expect.objectContaining({ status: 'ignored', outcome: 'message already stored' })]);
    });

    // Two jobs handle the @c.us and the @lid copies of one message at the same time. Copies of one key id are
    // serialised (advisory lock), so the second sees the first's message and links the ids instead of creating
    // a second contact. The spy tries to make both reach the contact lookup together; with the lock only one
    // can, and it goes on after the spy's 5 s guard.
    it('should keep one contact and one conversation when the @c.us and @lid copies of a message are processed concurrently', async () => {
      const keyId = randomBytes(16).toString('hex').toUpperCase();
      const phone = randomPatientChat();
      const lid = `${randomBytes(6).readUIntBE(0, 6)}@lid`;
      const viaPhone = patientEvent({ from: phone, keyId, body: 'a mesma mensagem' });
      const viaLid = patientEvent({ from: lid, keyId, body: 'a mesma mensagem' });
      const ids = await storePending([viaPhone, viaLid]);
      // Both jobs reach the contact lookup (after their duplicate check) before either goes on.
      const contacts = app.get(WhatsappContactsService);
      const resolve = contacts.resolve.bind(contacts);
      let arrived = 0;
      let release!: () => void;
      const bothArrived = new Promise<void>((done) => (release = done));
      const spy = jest.spyOn(contacts, 'resolve').mockImplementation(async (manager, organizationId, chatId, pushName) => {
        if (chatId === phone || chatId === lid) {
          arrived += 1;
          if (arrived === 2) release();
          await Promise.race([bothArrived, new Promise((done) => setTimeout(done, 5_000))]);
        }
        return resolve(manager, organizationId, chatId, pushName);
      });
      try {
        const inbound = app.get(InboundEventsService);
        await Promise.all(ids.map((id) => inbound.processBatch([id])));
      } finally {
        spy.mockRestore();
      }
      expect(await messagesOf([viaPhone.payload.id, viaLid.payload.id])).toHaveLength(1);
      const conversations = await query(`SELECT id FROM conversations WHERE session_id = $1 AND chat_id IN ($2, $3)`, [session.id, phone, lid]);
      expect(conversations).toHaveLength(1);
    });

    it('should process each event once when overlapping batches run concurrently', async () => {
      const events = [patientEvent(), patientEvent(), patientEvent(), patientEvent(), patientEvent()];
      const ids = await storePending(events);
      const inbound = app.get(InboundEventsService);
      await Promise.all([inbound.processBatch(ids.slice(0, 3)), inbound.processBatch(ids.slice(1, 5)), inbound.processBatch([...ids].reverse())]);
      const rows = await inboxRows(events.map((event) => event.id));
      expect(rows.map((row) => row.status)).toEqual(Array(5).fill('processed'));
      const messages = await messagesOf(events.map((event) => event.payload.id));
      expect(messages).toHaveLength(5);
      for (const message of messages) expect(receivedFor(message.id)).toHaveLength(1);
    });

    it('should process the good events of a batch, keep the failing one pending for a retry, then process it once', async () => {
      const [good1, bad, good2] = [patientEvent(), patientEvent(), patientEvent()];
      const ids = await storePending([good1, bad, good2]);
      const inbound = app.get(InboundEventsService);
      // Fails in the batch and again when retried alone, then recovers.
      const poisoned = poison(bad.payload.id, 2);
      try {
        // The job must fail so BullMQ retries it.
        await expect(inbound.processBatch(ids)).rejects.toThrow();
        const rows = await inboxRows([good1.id, bad.id, good2.id]);
        const byEvent = new Map(rows.map((row) => [row.event_id, row]));
        expect(byEvent.get(good1.id)).toMatchObject({ status: 'processed' });
        expect(byEvent.get(good2.id)).toMatchObject({ status: 'processed' });
        expect(byEvent.get(bad.id)).toMatchObject({ status: 'pending', attempts: 1, outcome: 'simulated handler failure' });
        expect(await messagesOf([bad.payload.id])).toHaveLength(0);

        // BullMQ's retry of the same job.
        await inbound.processBatch(ids);
        expect(await inboxRows([bad.id])).toEqual([expect.objectContaining({ status: 'processed' })]);
      } finally {
        poisoned.restore();
      }
      const messages = await messagesOf([good1.payload.id, bad.payload.id, good2.payload.id]);
      expect(messages).toHaveLength(3);
      for (const message of messages) expect(receivedFor(message.id)).toHaveLength(1);
    });

    it('should let the queue retry a webhook whose first processing attempt throws, and store it once', async () => {
      const event = patientEvent();
      const poisoned = poison(event.payload.id, 1);
      try {
        expect((await postWebhook(app, event, session.hmacKey)).body).toEqual({ status: 'accepted' });
        await waitFor(async () => (await inboxRows([event.id]))[0]?.status === 'processed', { what: 'processed after a retry' });
        expect(poisoned.calls()).toBe(2);
      } finally {
        poisoned.restore();
      }
      const messages = await messagesOf([event.payload.id]);
      expect(messages).toHaveLength(1);
      await waitFor(() => receivedFor(messages[0].id).length > 0);
      expect(receivedFor(messages[0].id)).toHaveLength(1);
    });

    it(`should park an event that fails alone in its job as failed after ${MAX_INBOX_ATTEMPTS} attempts instead of retrying it forever`, async () => {
      const event = patientEvent();
      const [id] = await storePending([event]);
      const inbound = app.get(InboundEventsService);
      const poisoned = poison(event.payload.id, Infinity);
      try {
        for (let attempt = 1; attempt <= MAX_INBOX_ATTEMPTS; attempt += 1) {
          await inbound.processBatch([id]).catch(() => undefined);
        }
        expect(await inboxRows([event.id])).toEqual([expect.objectContaining({ status: 'failed', attempts: MAX_INBOX_ATTEMPTS, outcome: 'simulated handler failure' })]);
        // A parked event is left alone by later jobs and sweeps.
        await inbound.processBatch([id]);
        expect(await app.get(InboxSweeper).sweep().then(async () => (await inboxRows([event.id]))[0].status)).toBe('failed');
      } finally {
        poisoned.restore();
      }
      expect(await messagesOf([event.payload.id])).toHaveLength(0);
    });
  });

  describe('Redis down while webhooks arrive', () => {
    it('should answer 200, keep the events in PostgreSQL without enqueueing, and process each once after a sweep', async () => {
      const redis = redisConfig();
      const proxy = await TcpProxy.start(redis.host, redis.port);
      // An API process whose Redis goes away; its events must survive in PostgreSQL alone.
      const apiApp = await createTestApp({ REDIS_HOST: '127.0.0.1', REDIS_PORT: proxy.listeningPort, REDIS_KEY_PREFIX: `${runPrefix}-reliability-down`, APP_ROLE: 'api' });
      const queues = apiApp.get(QueueService);
      // BullMQ prints every connection error of a queue nobody listens to; this outage is on purpose.
      for (const name of Object.values(QueueName)) queues.queue(name).on('error', () => undefined);
      const enqueueMany = jest.spyOn(queues, 'enqueueMany');
      const enqueue = jest.spyOn(queues, 'enqueue');
      try {
        await proxy.goDown();
        await waitFor(() => !queues.isConnected(), { what: 'producer connection lost' });

        const events = [patientEvent(), patientEvent(), patientEvent(), patientEvent(), patientEvent()];
        const responses = await Promise.all(events.map((event) => postWebhook(apiApp, event, session.hmacKey)));
        expect(responses.map((response) => [response.status, response.body.status])).toEqual(Array(5).fill([200, 'accepted']));
        expect((await postWebhook(apiApp, events[0], session.hmacKey)).body).toEqual({ status: 'duplicate' });
        expect((await http(apiApp).get(`${PREFIX}/health`)).status).toBe(503);

        // PostgreSQL has every event; nothing went to (or waited for) Redis.
        expect(await inboxRows(events.map((event) => event.id))).toHaveLength(5);
        await new Promise((resolve) => setImmediate(resolve));
        expect(enqueueMany).not.toHaveBeenCalled();
        expect(enqueue).not.toHaveBeenCalled();

        // A process with Redis sweeps them up.
        const rows = await sweepUntilSettled(events.map((event) => event.id));
        expect(rows.map((row) => row.status)).toEqual(Array(5).fill('processed'));
        const messages = await messagesOf(events.map((event) => event.payload.id));
        expect(messages).toHaveLength(5);
        expect(new Set(messages.map((message) => message.waha_message_id)).size).toBe(5);
        expect(enqueueMany).not.toHaveBeenCalled();
      } finally {
        await proxy.comeBack();
        await waitFor(() => queues.isConnected(), { what: 'producer reconnected', timeoutMs: 10_000 }).catch(() => undefined);
        await apiApp.close();
        await proxy.goDown();
      }
    });
  });

  describe('PostgreSQL down', () => {
    it('should answer 503 with Retry-After and store nothing, and accept the same delivery once PostgreSQL is back', async () => {
      const database = databaseConfig();
      const proxy = await TcpProxy.start(database.host, database.port);
      const apiApp = await createTestApp({ DATABASE_HOST: '127.0.0.1', DATABASE_PORT: proxy.listeningPort, REDIS_KEY_PREFIX: `${runPrefix}-reliability-dbdown`, APP_ROLE: 'api' });
      // TypeORM reports the pool's lost connections on the console.
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        // A session the process already knows (cached key) and one it must look up: both need the database.
        const known = patientEvent();
        expect((await postWebhook(apiApp, known, session.hmacKey)).body).toEqual({ status: 'accepted' });
        const other = await insertWhatsappSession(app, session.organizationId);

        // Connections are accepted and dropped. (With refused connections the app answers 503 too, but under
        // Jest node's ECONNREFUSED errors come from another realm and fail `instanceof Error`: see the report.)
        await proxy.goDown('reset');
        const cached = patientEvent();
        const lookedUp = withId(buildMessageEvent({ session: other.name, from: randomPatientChat(), body: 'Oi' }));
        for (const [event, key] of [
          [cached, session.hmacKey],
          [lookedUp, other.hmacKey],
        ] as const) {
          const response = await postWebhook(apiApp, event, key);
          expect({ status: response.status, code: response.body.code, retryAfter: response.headers['retry-after'] }).toEqual({
            status: 503,
            code: 'SERVICE_UNAVAILABLE',
            retryAfter: '5',
          });
        }
        expect((await http(apiApp).get(`${PREFIX}/health`)).status).toBe(503);
        expect(await inboxRows([cached.id])).toHaveLength(0);

        // WAHA retries the same bytes; now they are stored and processed once.
        await proxy.comeBack();
        const retry = await waitFor(
          async () => {
            const response = await postWebhook(apiApp, cached, session.hmacKey);
            return response.status === 200 ? response : null;
          },
          { what: 'webhook accepted after PostgreSQL came back', intervalMs: 200 },
        );
        expect(retry.body).toEqual({ status: 'accepted' });
        expect((await postWebhook(apiApp, lookedUp, other.hmacKey)).status).toBe(200);
        await sweepUntilSettled([cached.id]);
        expect(await messagesOf([cached.payload.id])).toHaveLength(1);
        expect((await http(apiApp).get(`${PREFIX}/health`)).status).toBe(200);
      } finally {
        await proxy.comeBack();
        await apiApp.close();
        await proxy.goDown();
        warn.mockRestore();
      }
    });
  });

  it('should leave nothing pending in the end', async () => {
    await waitFor(
      async () => {
        await app.get(InboxSweeper).sweep();
        const rows = await query<{ n: number }>(`SELECT count(*)::int AS n FROM waha_inbox_events WHERE session_id = $1 AND status = 'pending'`, [session.id]);
        return rows[0].n === 0;
      },
      { what: 'no pending inbox rows', intervalMs: 250 },
    );
    const statuses = await query<{ status: string }>(`SELECT DISTINCT status FROM waha_inbox_events WHERE session_id = $1`, [session.id]);
    expect(statuses.map((row) => row.status).sort()).toEqual(['failed', 'ignored', 'processed']);
  });
});
