import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  buildAckEvent,
  buildMessageEvent,
  buildRevokedEvent,
  buildSessionStatusEvent,
  FAKE_CLINIC_ME,
  FakeWaha,
  signWahaBody,
} from 'test/support/fake-waha.server';

// Key order of the shared WEBJS fixtures (/work/shared/fixtures/waha/*.json).
const ENVELOPE_KEYS = ['id', 'timestamp', 'event', 'session', 'metadata', 'me', 'payload', 'engine', 'environment'];
const MESSAGE_KEYS = ['id', 'timestamp', 'from', 'fromMe', 'source', 'to', 'body', 'hasMedia', 'media', 'ack', 'ackName', 'location', 'vCards', '_data'];
const ENVIRONMENT_KEYS = ['version', 'engine', 'tier', 'browser', 'platform', 'worker'];
const EVENT_ID = /^evt_[0-9a-hjkmnp-tv-z]{26}$/;
const PATIENT = '5511987654321@c.us';
const METADATA = { tenant: 'clinica-vida-saudavel' };

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
}

async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, raw: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('WAHA webhook format (fake WAHA)', () => {
  describe(signWahaBody.name, () => {
    it('should match the WAHA docs test vector', () => {
      expect(signWahaBody('{"event":"message","session":"default","engine":"WEBJS"}', 'my-secret-key')).toBe(
        '208f8a55dde9e05519e898b10b89bf0d0b3b0fdf11fdbf09b6b90476301b98d8097c462b2b17a6ce93b6b47a136cf2e78a33a63f6752c2c1631777076153fa89',
      );
    });
  });

  describe('builders', () => {
    it('should build an incoming message shaped like fixtures/message-text.json with a fresh event id', () => {
      const event = buildMessageEvent({ session: 'default', from: PATIENT, body: 'Boa tarde!', metadata: METADATA });
      expect(Object.keys(event)).toEqual(ENVELOPE_KEYS);
      expect(Object.keys(event.payload)).toEqual(MESSAGE_KEYS);
      expect(Object.keys(event.environment ?? {})).toEqual(ENVIRONMENT_KEYS);
      expect(event).toMatchObject({ event: 'message', session: 'default', me: FAKE_CLINIC_ME, engine: 'WEBJS' });
      expect(event.payload).toMatchObject({ from: PATIENT, to: FAKE_CLINIC_ME.id, fromMe: false, source: 'app', ack: 1, ackName: 'SERVER' });
      expect(event.payload.id).toMatch(/^false_5511987654321@c\.us_[0-9A-F]{32}$/);
      expect(event.id).toMatch(EVENT_ID);
      expect(buildMessageEvent({ session: 'default', from: PATIENT }).id).not.toBe(event.id);
      expect(event.payload.timestamp).toBe(Math.floor((event.timestamp ?? 0) / 1000));
    });

    it('should omit metadata when none is given, as WAHA does', () => {
      expect(Object.keys(buildMessageEvent({ session: 'default', from: PATIENT }))).not.toContain('metadata');
    });

    it('should build a message.any the clinic sent, from me to the chat', () => {
      const event = buildMessageEvent({ session: 'default', from: PATIENT, fromMe: true, event: 'message.any', source: 'app', keyId: '3AF4C9D2' });
      expect(event.event).toBe('message.any');
      expect(event.payload).toMatchObject({ id: `true_${PATIENT}_3AF4C9D2`, from: FAKE_CLINIC_ME.id, to: PATIENT, fromMe: true, source: 'app' });
    });

    it('should build media and location messages like the image, voice and location fixtures', () => {
      const media = { url: 'http://waha:3000/api/files/default/x.oga', mimetype: 'audio/ogg; codecs=opus' };
      const voice = buildMessageEvent({ session: 'default', from: PATIENT, media }).payload;
      expect(voice).toMatchObject({ hasMedia: true, body: '', media: { ...media, filename: null }, _data: { type: 'ptt' } });
      expect(Object.keys(voice.media ?? {})).toEqual(['url', 'filename', 'mimetype']);
      const place = buildMessageEvent({ session: 'default', from: PATIENT, location: { latitude: -23.5574, longitude: -46.6606 } }).payload;
      expect(place).toMatchObject({ hasMedia: false, location: { latitude: -23.5574, longitude: -46.6606, live: false }, _data: { type: 'location' } });
      expect(place.body).toMatch(/^\/9j\//);
    });

    it('should build message.ack, session.status and message.revoked payloads', () => {
      const ack = buildAckEvent({ session: 'default', messageId: `true_${PATIENT}_3EB0B5A1`, ack: 3 });
      expect(ack.event).toBe('message.ack');
      expect(ack.payload).toMatchObject({ id: `true_${PATIENT}_3EB0B5A1`, from: FAKE_CLINIC_ME.id, to: PATIENT, ack: 3, ackName: 'READ', source: 'api' });

      const qr = buildSessionStatusEvent({ session: 'default', status: 'SCAN_QR_CODE' });
      expect(qr.me).toBeNull();
      expect(Object.keys(qr.payload)).toEqual(['name', 'status', 'statuses', 'data']);
      expect(buildSessionStatusEvent({ session: 'default', status: 'WORKING' }).me).toEqual(FAKE_CLINIC_ME);

      const revoked = buildRevokedEvent({ session: 'default', messageId: `false_${PATIENT}_B52D8E1F` });
      expect(Object.keys(revoked.payload)).toEqual(['after', 'before', 'revokedMessageId']);
      expect(revoked.payload).toMatchObject({ after: { id: `false_${PATIENT}_B52D8E1F`, _data: { type: 'revoked' } }, before: null, revokedMessageId: 'B52D8E1F' });
    });
  });

  describe('delivery', () => {
    let fake: FakeWaha;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;

    beforeAll(async () => {
      fake = await FakeWaha.start();
      receiver = await startReceiver();
    });
    afterAll(async () => {
      await fake.stop();
      await new Promise((resolve) => receiver.server.close(resolve));
    });
    beforeEach(() => {
      fake.reset();
      receiver.received.length = 0;
    });

    it('should post compact JSON with WAHA headers and an HMAC over the exact bytes', async () => {
      const event = buildMessageEvent({ session: 'default', from: PATIENT, body: 'Olá 😊' });
      const result = await fake.deliver(event, { url: receiver.url, hmacKey: 'k3y', requestId: 'req-1' });

      expect(result).toEqual({ status: 200, body: '{"ok":true}' });
      const [{ headers, raw }] = receiver.received;
      expect(raw).toBe(JSON.stringify(event));
      expect(headers).toMatchObject({
        'content-type': 'application/json',
        'user-agent': 'WAHA/2026.7.1',
        'x-webhook-request-id': 'req-1',
        'x-webhook-timestamp': String(event.timestamp),
        'x-webhook-hmac': signWahaBody(raw, 'k3y'),
        'x-webhook-hmac-algorithm': 'sha512',
      });
    });

    it('should send a string event byte for byte and sign nothing without a key', async () => {
      const body = '{ "event": "message", "session": "default" }';
      await fake.deliver(body, { url: receiver.url });
      expect(receiver.received[0].raw).toBe(body);
      expect(receiver.received[0].headers['x-webhook-hmac']).toBeUndefined();
      expect(receiver.received[0].headers['x-webhook-request-id']).toEqual(expect.any(String));
    });

    it('should deliver to the session webhook with its key, custom headers and metadata', async () => {
      const webhook = { url: receiver.url, events: ['message'], hmac: { key: 'session-key' }, customHeaders: [{ name: 'X-Robbot-Org', value: 'org_1' }] };
      fake.seedSession('default', { config: { webhooks: [webhook], metadata: METADATA } });

      await fake.deliverFor('default', buildMessageEvent({ session: 'default', from: PATIENT }));

      const [{ headers, raw }] = receiver.received;
      expect(headers['x-robbot-org']).toBe('org_1');
      expect(headers['x-webhook-hmac']).toBe(signWahaBody(raw, 'session-key'));
      expect(Object.keys(JSON.parse(raw) as object)).toEqual(ENVELOPE_KEYS);
      expect(fake.deliveries).toEqual([expect.objectContaining({ event: 'message', status: 200 })]);
    });

    it('should post session.status on every status change when emitStatusEvents is on', async () => {
      const emitting = await FakeWaha.start({ emitStatusEvents: true });
      try {
        emitting.seedSession('default', { status: 'STOPPED', config: { webhooks: [{ url: receiver.url, events: ['session.status'] }] } });
        emitting.setSessionStatus('default', 'WORKING');
        await waitFor(() => receiver.received.length >= 2);
      } finally {
        await emitting.stop();
      }
      const events = receiver.received.map(({ raw }) => JSON.parse(raw) as { event: string; me: unknown; payload: { status: string } });
      expect(events.map((event) => event.payload.status).sort()).toEqual(['STOPPED', 'WORKING']);
      expect(events.find((event) => event.payload.status === 'WORKING')).toMatchObject({ event: 'session.status', me: FAKE_CLINIC_ME });
    });
  });
});
