import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MediaDownloadService } from 'src/modules/conversations/media/media-download.service';
import { MediaStorage } from 'src/modules/conversations/media/media-storage';
import { MessagingMaintenanceProcessor } from 'src/modules/conversations/messaging-maintenance.processor';
import { InboxSweeper } from 'src/modules/waha/inbox/inbox-sweeper';
import { WahaMaintenanceProcessor } from 'src/modules/waha/waha-maintenance.processor';
import { http, PREFIX } from 'test/support/api';
import { createTestApp } from 'test/support/create-test-app';
import { createClinic } from 'test/support/factories';
import { buildMessageEvent, FakeWaha, newEventId } from 'test/support/fake-waha.server';
import { loadTestRun } from 'test/support/test-run';
import { waitFor as poll } from 'test/support/wait-for';
import { dataSourceOf, FIXTURES_DIR, insertWhatsappSession, loadFixture, postWebhook, sign, TestWhatsappSession, WEBHOOK_PATH } from 'test/support/whatsapp';

/** waitFor, typed for what it returns: the condition's value once it is truthy. */
const waitFor = <T>(condition: () => Promise<T> | T, options?: Parameters<typeof poll>[1]): Promise<NonNullable<T>> =>
  poll(condition, options) as Promise<NonNullable<T>>;

/**
 * Replays every WAHA fixture (test/fixtures/waha) and a catalogue of malformed, forged and oversized
 * deliveries against the real app: each must get its documented status and leave no half-stored work.
 */

const API_KEY = 'fixtures-fake-waha-key-0123456789';
const PATIENT_CHAT = '5511987654321@c.us';
const IMAGE_KEY = 'B52D8E1F4A7C0D3E6F9A2B5C8D1E4F70';
const VOICE_KEY = 'C7E0F3A6B9D2E5F8A1B4C7D0E3F6A9B2';
const LOCATION_KEY = 'D9F2A5B8C1E4F7A0B3C6D9E2F5A8B1C4';
const TEXT_KEY = 'AC3E5D7F9B1A2C4E6F8A0B2D4C6E8F01';
const FROMME_KEY = '3AF4C9D2E7B1A6F3C8D5';
const ACKED_KEY = '3EB0B5A1C2D3E4F5A6B7';
const IMAGE_PATH = `/api/files/default/false_${PATIENT_CHAT}_${IMAGE_KEY}.jpeg`;
const VOICE_PATH = `/api/files/default/false_${PATIENT_CHAT}_${VOICE_KEY}.oga`;

// Every fixture but the send response is a webhook body this spec replays; a new fixture must be added here.
const REPLAYED_FIXTURES = [
  'message-ack.json',
  'message-any-fromme.json',
  'message-image.json',
  'message-location.json',
  'message-revoked.json',
  'message-text.json',
  'message-voice.json',
  'session-status-scan-qr.json',
  'session-status-working.json',
];

type Row = Record<string, unknown>;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
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

describe('WAHA fixtures and malformed deliveries (e2e)', () => {
  let app: NestFastifyApplication;
  let fake: FakeWaha;
  let session: TestWhatsappSession;

  const query = <T = Row>(sql: string, params: unknown[] = []): Promise<T[]> => dataSourceOf(app).query(sql, params);
  const messageByKey = async (keyId: string): Promise<Row | null> =>
    (await query(`SELECT * FROM messages WHERE session_id = $1 AND waha_key_id = $2`, [session.id, keyId]))[0] ?? null;
  const inboxRow = async (eventId: string): Promise<Row | null> =>
    (await query(`SELECT * FROM waha_inbox_events WHERE session_id = $1 AND event_id = $2`, [session.id, eventId]))[0] ?? null;
  const inboxCount = async (): Promise<number> =>
    Number((await query<{ n: string }>(`SELECT count(*) AS n FROM waha_inbox_events WHERE session_id = $1`, [session.id]))[0].n);
  const settled = (eventId: string): Promise<Row> =>
    waitFor(async () => {
      const row = await inboxRow(eventId);
      return row && row.status !== 'pending' ? row : null;
    }, { what: `inbox event ${eventId} settled` });

  /** Holds every media download until `release()`, so the pending state is observable without timing. */
  function holdDownloads(): { started: () => boolean; release: () => void; restore: () => void } {
    const service = app.get(MediaDownloadService);
    const original = service.download.bind(service);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const spy = jest.spyOn(service, 'download').mockImplementation(async (...args) => {
      calls += 1;
      await gate;
      return original(...args);
    });
    return { started: () => calls > 0, release, restore: () => spy.mockRestore() };
  }

  beforeAll(async () => {
    disableScheduledMaintenance();
    fake = await FakeWaha.start({ apiKey: API_KEY });
    // Its own BullMQ prefix: workers of other e2e files (which talk to no fake) never take these jobs.
    app = await createTestApp({ WAHA_BASE_URL: fake.url, WAHA_API_KEY: API_KEY, REDIS_KEY_PREFIX: `${loadTestRun().redisKeyPrefix}-fixtures`, INBOX_SWEEP_AFTER_MS: '1000' });
    const clinic = await createClinic(app);
    session = await insertWhatsappSession(app, clinic.organizationId);
  });

  afterAll(async () => {
    await app?.close();
    await fake?.stop();
  });

  describe('fixtures', () => {
    it('should cover every webhook fixture in test/fixtures/waha', () => {
      const files = readdirSync(FIXTURES_DIR).filter((file) => file.endsWith('.json') && file !== 'send-text-response.json');
      expect(files.sort()).toEqual(REPLAYED_FIXTURES);
    });

    it('message-text: should answer 200 accepted and store a text message from the patient', async () => {
      const response = await postWebhook(app, loadFixture('message-text.json', session.name), session.hmacKey);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'accepted' });
      const message = await waitFor(() => messageByKey(TEXT_KEY), { what: 'text message stored' });
      expect(message).toMatchObject({
        type: 'text',
        direction: 'inbound',
        sender: 'patient',
        status: 'received',
        body: expect.stringMatching(/^Boa tarde! Gostaria de marcar uma consulta/),
        waha_message_id: `false_${PATIENT_CHAT}_${TEXT_KEY}`,
        location: null,
        media_status: null,
      });
      expect(new Date(message.occurred_at as string).getTime()).toBe(1784553312 * 1000);
    });

    it('message-image: should store an image whose media is pending, then copied from WAHA and readable', async () => {
      const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2048)]);
      fake.addMedia(IMAGE_PATH, bytes, 'image/jpeg');
      const held = holdDownloads();
      try {
        const response = await postWebhook(app, loadFixture('message-image.json', session.name), session.hmacKey);
        expect(response.body).toEqual({ status: 'accepted' });
        const pending = await waitFor(() => messageByKey(IMAGE_KEY), { what: 'image message stored' });
        expect(pending).toMatchObject({
          type: 'image',
          body: 'Segue a foto do pedido médico 📄',
          media_status: 'pending',
          media_mimetype: 'image/jpeg',
          media_storage_key: null,
        });
        await waitFor(held.started, { what: 'media download job started' });
        held.release();
        const stored = await waitFor(async () => {
          const row = await messageByKey(IMAGE_KEY);
          return row?.media_status === 'stored' ? row : null;
        }, { what: 'image stored' });
        expect(stored.media_size).toBe(bytes.length);
        const file = await app.get(MediaStorage).open(String(stored.media_storage_key));
        expect(file).not.toBeNull();
        expect((await readAll(file as Readable)).equals(bytes)).toBe(true);
        const download = fake.requestsTo(IMAGE_PATH);
        expect(download.length).toBeGreaterThanOrEqual(1);
        expect(download[0].headers['x-api-key']).toBe(API_KEY);
      } finally {
        held.release();
        held.restore();
      }
    });

    it('message-voice: should store a voice note whose audio is pending, then stored', async () => {
      const bytes = Buffer.concat([Buffer.from('OggS'), randomBytes(1024)]);
      fake.addMedia(VOICE_PATH, bytes, 'audio/ogg; codecs=opus');
      const held = holdDownloads();
      try {
        expect((await postWebhook(app, loadFixture('message-voice.json', session.name), session.hmacKey)).body).toEqual({ status: 'accepted' });
        const pending = await waitFor(() => messageByKey(VOICE_KEY), { what: 'voice message stored' });
        expect(pending).toMatchObject({ type: 'voice', body: null, media_status: 'pending', media_mimetype: 'audio/ogg; codecs=opus' });
        await waitFor(held.started, { what: 'media download job started' });
        held.release();
        const stored = await waitFor(async () => {
          const row = await messageByKey(VOICE_KEY);
          return row?.media_status === 'stored' ? row : null;
        }, { what: 'voice stored' });
        const file = await app.get(MediaStorage).open(String(stored.media_storage_key));
        expect((await readAll(file as Readable)).equals(bytes)).toBe(true);
      } finally {
        held.release();
        held.restore();
      }
    });

    it('message-location: should store the coordinates in location and not the base64 thumbnail body', async () => {
      expect((await postWebhook(app, loadFixture('message-location.json', session.name), session.hmacKey)).body).toEqual({ status: 'accepted' });
      const message = await waitFor(() => messageByKey(LOCATION_KEY), { what: 'location message stored' });
      expect(message.type).toBe('location');
      expect(message.location).toEqual({
        latitude: -23.5574,
        longitude: -46.6606,
        name: 'Metrô Consolação',
        address: 'Av. Paulista, 2163 - Consolação, São Paulo - SP, 01311-300',
      });
      expect(message.body).not.toContain('/9j/');
      expect(message.body).toBe('Metrô Consolação');
      expect(message.media_status).toBeNull();
    });

    it('message-any-fromme: should store the receptionist’s reply as clinic_phone and hand the conversation to a human', async () => {
      expect((await postWebhook(app, loadFixture('message-any-fromme.json', session.name), session.hmacKey)).body).toEqual({ status: 'accepted' });
      const message = await waitFor(() => messageByKey(FROMME_KEY), { what: 'own message stored' });
      expect(message).toMatchObject({ direction: 'outbound', sender: 'clinic_phone', type: 'text', status: 'sent', ack: 1, automated: false });
      const [conversation] = await query(`SELECT owner_type, chat_id, human_takeover_at FROM conversations WHERE id = $1`, [message.conversation_id]);
      expect(conversation).toMatchObject({ owner_type: 'human', chat_id: PATIENT_CHAT });
      expect(conversation.human_takeover_at).not.toBeNull();
      // The patient's messages and the clinic's reply share one conversation.
      expect((await messageByKey(TEXT_KEY))?.conversation_id).toBe(message.conversation_id);
    });

    it('message-ack: should raise a message we sent to ack 3 / read, and a lower ack afterwards should not downgrade it', async () => {
      const text = await messageByKey(TEXT_KEY);
      await query(
        `INSERT INTO messages (organization_id, conversation_id, session_id, direction, type, sender, automated, body, waha_message_id, waha_key_id, status, ack, occurred_at, sent_at)
         VALUES ($1, $2, $3, 'outbound', 'text', 'bot', true, 'Olá, Maria!', $4, $5, 'pending', 0, now(), now())`,
        [session.organizationId, text?.conversation_id, session.id, `true_${PATIENT_CHAT}_${ACKED_KEY}`, ACKED_KEY],
      );
      const fixture = loadFixture('message-ack.json', session.name);
      expect((await postWebhook(app, fixture, session.hmacKey)).body).toEqual({ status: 'accepted' });
      await waitFor(async () => (await messageByKey(ACKED_KEY))?.ack === 3, { what: 'ack 3 applied' });
      expect(await messageByKey(ACKED_KEY)).toMatchObject({ ack: 3, status: 'read' });

      const lower = { ...fixture, id: newEventId(), payload: { ...fixture.payload, ack: 2, ackName: 'DEVICE' } };
      expect((await postWebhook(app, lower, session.hmacKey)).body).toEqual({ status: 'accepted' });
      expect(await settled(lower.id)).toMatchObject({ status: 'ignored', outcome: 'no newer state for a stored outbound message' });
      expect(await messageByKey(ACKED_KEY)).toMatchObject({ ack: 3, status: 'read' });
    });

    it('message-ack: should change nothing for a message Robbot does not have', async () => {
      const fixture = loadFixture('message-ack.json', session.name);
      const unknown = { ...fixture, id: newEventId(), payload: { ...fixture.payload, id: `true_${PATIENT_CHAT}_3EB0FFFFFFFFFFFFFFFF` } };
      expect((await postWebhook(app, unknown, session.hmacKey)).body).toEqual({ status: 'accepted' });
      expect(await settled(unknown.id)).toMatchObject({ status: 'ignored' });
      expect(await messageByKey('3EB0FFFFFFFFFFFFFFFF')).toBeNull();
    });

    it('message-revoked: should mark the image message as revoked', async () => {
      expect((await messageByKey(IMAGE_KEY))?.revoked_at).toBeNull();
      expect((await postWebhook(app, loadFixture('message-revoked.json', session.name), session.hmacKey)).body).toEqual({ status: 'accepted' });
      const revoked = await waitFor(async () => {
        const row = await messageByKey(IMAGE_KEY);
        return row?.revoked_at ? row : null;
      }, { what: 'image revoked' });
      expect(revoked.type).toBe('image');
      // Only that message.
      expect((await messageByKey(TEXT_KEY))?.revoked_at).toBeNull();
    });

    it('session-status: should store SCAN_QR_CODE and then WORKING with the paired account', async () => {
      const sessionRow = async (): Promise<Row> => (await query(`SELECT status, me_id, me_push_name, status_changed_at FROM whatsapp_sessions WHERE id = $1`, [session.id]))[0];
      expect((await postWebhook(app, loadFixture('session-status-scan-qr.json', session.name), session.hmacKey)).body).toEqual({ status: 'accepted' });
      await waitFor(async () => (await sessionRow()).status === 'SCAN_QR_CODE', { what: 'SCAN_QR_CODE stored' });
      expect(new Date((await sessionRow()).status_changed_at as string).getTime()).toBe(1784553000812);

      expect((await postWebhook(app, loadFixture('session-status-working.json', session.name), session.hmacKey)).body).toEqual({ status: 'accepted' });
      await waitFor(async () => (await sessionRow()).status === 'WORKING', { what: 'WORKING stored' });
      expect(await sessionRow()).toMatchObject({ status: 'WORKING', me_id: '551132104567@c.us', me_push_name: 'Clínica Vida Saudável' });
    });

    it('session-status: should not let an older status event overwrite a newer one', async () => {
      const stale = { ...loadFixture('session-status-scan-qr.json', session.name), id: newEventId() };
      expect((await postWebhook(app, stale, session.hmacKey)).body).toEqual({ status: 'accepted' });
      await settled(stale.id);
      expect((await query(`SELECT status FROM whatsapp_sessions WHERE id = $1`, [session.id]))[0].status).toBe('WORKING');
    });

    it('should answer every fixture delivered again 200 duplicate and create nothing more', async () => {
      const before = await query(`SELECT count(*)::int AS n FROM messages WHERE session_id = $1`, [session.id]);
      const inboxBefore = await inboxCount();
      for (const file of REPLAYED_FIXTURES) {
        const response = await postWebhook(app, loadFixture(file, session.name), session.hmacKey);
        expect({ file, status: response.status, body: response.body }).toEqual({ file, status: 200, body: { status: 'duplicate' } });
      }
      expect(await query(`SELECT count(*)::int AS n FROM messages WHERE session_id = $1`, [session.id])).toEqual(before);
      expect(await inboxCount()).toBe(inboxBefore);
    });
  });

  describe('mutations', () => {
    const patientEvent = (overrides: { body?: string } = {}) => {
      const event = buildMessageEvent({ session: session.name, from: randomPatientChat(), body: overrides.body ?? 'Olá' });
      return { ...event, id: String(event.id) };
    };

    async function expectRefused(body: unknown, status: number, code: string, key: string | null = session.hmacKey): Promise<void> {
      const before = await inboxCount();
      const response = await postWebhook(app, body, key);
      expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
      expect(await inboxCount()).toBe(before);
    }

    describe('wrong types', () => {
      it('should answer 400 when event is a number', async () => {
        await expectRefused({ ...patientEvent(), event: 42 }, 400, 'WEBHOOK_INVALID_PAYLOAD');
      });

      it('should answer 400 when payload.fromMe is a string', async () => {
        const event = patientEvent();
        await expectRefused({ ...event, payload: { ...event.payload, fromMe: 'false' } }, 400, 'WEBHOOK_INVALID_PAYLOAD');
      });

      it('should answer 400 when the envelope timestamp is a string', async () => {
        const event = patientEvent();
        await expectRefused({ ...event, timestamp: String(event.timestamp) }, 400, 'WEBHOOK_INVALID_PAYLOAD');
      });

      it('should answer 400 when payload.timestamp is a string', async () => {
        const event = patientEvent();
        await expectRefused({ ...event, payload: { ...event.payload, timestamp: String(event.payload.timestamp) } }, 400, 'WEBHOOK_INVALID_PAYLOAD');
      });

      it('should answer 400 when session is a number', async () => {
        await expectRefused({ ...patientEvent(), session: 12345 }, 400, 'WEBHOOK_INVALID_PAYLOAD');
      });

      it('should answer 400 when the body is a JSON array or a bare string', async () => {
        await expectRefused([patientEvent()], 400, 'WEBHOOK_INVALID_PAYLOAD');
        await expectRefused('"message"', 400, 'WEBHOOK_INVALID_PAYLOAD');
      });
    });

    describe('missing fields', () => {
      it('should answer 400 without a session', async () => {
        const { session: _omitted, ...event } = patientEvent();
        await expectRefused(event, 400, 'WEBHOOK_INVALID_PAYLOAD');
      });

      it('should answer 400 without a payload', async () => {
        const { payload: _omitted, ...event } = patientEvent();
        await expectRefused(event, 400, 'WEBHOOK_INVALID_PAYLOAD');
      });

      it('should accept an event without id under a hash of its body, and call an identical retry a duplicate', async () => {
        const { id: _omitted, ...event } = patientEvent({ body: 'sem id de envelope' });
        const first = await postWebhook(app, event, session.hmacKey);
        expect(first.status).toBe(200);
        expect(first.body).toEqual({ status: 'accepted' });
        const retry = await postWebhook(app, event, session.hmacKey);
        expect(retry.body).toEqual({ status: 'duplicate' });
        const rows = await query<{ event_id: string }>(`SELECT event_id FROM waha_inbox_events WHERE session_id = $1 AND payload->'payload'->>'id' = $2`, [
          session.id,
          event.payload.id,
        ]);
        expect(rows).toHaveLength(1);
        expect(rows[0].event_id).toMatch(/^sha256:[0-9a-f]{64}$/);
        await settled(rows[0].event_id);
        expect(await query(`SELECT 1 FROM messages WHERE session_id = $1 AND waha_message_id = $2`, [session.id, event.payload.id])).toHaveLength(1);
      });
    });

    describe('huge strings', () => {
      it('should answer 413 to a body over 256 KB, signed or not', async () => {
        const event = patientEvent({ body: 'a'.repeat(300 * 1024) });
        await expectRefused(event, 413, 'PAYLOAD_TOO_LARGE');
        await expectRefused(event, 413, 'PAYLOAD_TOO_LARGE', null);
      });

      it('should answer 413 to a body over the global 1 MB limit', async () => {
        await expectRefused(patientEvent({ body: 'a'.repeat(1_200_000) }), 413, 'PAYLOAD_TOO_LARGE');
      });

      it('should answer a 200 KB message body with 200 or 400, never 500', async () => {
        const event = patientEvent({ body: 'a'.repeat(200 * 1024) });
        // The text once (WEBJS also copies it into _data.body, which would double the size past 256 KB).
        const { body: _copy, ...data } = event.payload._data as Record<string, unknown>;
        event.payload._data = data;
        const response = await postWebhook(app, event, session.hmacKey);
        expect([200, 400]).toContain(response.status);
        if (response.status === 400) {
          expect(response.body.code).toBe('WEBHOOK_INVALID_PAYLOAD');
          expect(await inboxRow(event.id)).toBeNull();
        } else {
          expect(await settled(event.id)).toMatchObject({ status: 'processed' });
        }
      });

      it('should store a 60 KB message body whole', async () => {
        const body = 'Olá! '.repeat(12_000);
        const event = patientEvent({ body });
        expect((await postWebhook(app, event, session.hmacKey)).body).toEqual({ status: 'accepted' });
        await settled(event.id);
        const [row] = await query<{ body: string }>(`SELECT body FROM messages WHERE session_id = $1 AND waha_message_id = $2`, [session.id, event.payload.id]);
        expect(row.body).toBe(body);
      });

      it('should accept NUL characters (which jsonb refuses) and store the text without them', async () => {
        const event = patientEvent({ body: 'Oi\u0000 tudo bem?\u0000' });
        expect((await postWebhook(app, event, session.hmacKey)).body).toEqual({ status: 'accepted' });
        expect(await settled(event.id)).toMatchObject({ status: 'processed' });
        const [row] = await query<{ body: string }>(`SELECT body FROM messages WHERE session_id = $1 AND waha_message_id = $2`, [session.id, event.payload.id]);
        expect(row.body).not.toContain('\u0000');
        expect(row.body.replace(/\uFFFD/g, '')).toBe('Oi tudo bem?');
      });

      it('should accept an escaped backslash before u0000 as the literal text it is', async () => {
        const event = patientEvent({ body: 'C:\\u0000\\pasta' });
        expect((await postWebhook(app, event, session.hmacKey)).body).toEqual({ status: 'accepted' });
        await settled(event.id);
        const [row] = await query<{ body: string }>(`SELECT body FROM messages WHERE session_id = $1 AND waha_message_id = $2`, [session.id, event.payload.id]);
        expect(row.body).toBe('C:\\u0000\\pasta');
      });
    });

    describe('bad signatures', () => {
      it('should answer 401 without the X-Webhook-Hmac header', async () => {
        await expectRefused(patientEvent(), 401, 'WEBHOOK_INVALID_SIGNATURE', null);
      });

      it('should answer 401 to a signature made with another key', async () => {
        await expectRefused(patientEvent(), 401, 'WEBHOOK_INVALID_SIGNATURE', randomBytes(24).toString('hex'));
      });

      it('should answer 401 to the valid signature of a different body', async () => {
        const event = patientEvent();
        const other = JSON.stringify({ ...event, id: newEventId() });
        const before = await inboxCount();
        const response = await http(app)
          .post(WEBHOOK_PATH)
          .set('Content-Type', 'application/json')
          .set('X-Webhook-Hmac', sign(other, session.hmacKey))
          .send(JSON.stringify(event));
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 401, code: 'WEBHOOK_INVALID_SIGNATURE' });
        expect(await inboxCount()).toBe(before);
      });

      it('should answer 401 when the same JSON is re-serialized with other spacing', async () => {
        const event = patientEvent();
        const before = await inboxCount();
        const response = await http(app)
          .post(WEBHOOK_PATH)
          .set('Content-Type', 'application/json')
          .set('X-Webhook-Hmac', sign(JSON.stringify(event), session.hmacKey))
          .send(JSON.stringify(event, null, 2));
        expect(response.status).toBe(401);
        expect(await inboxCount()).toBe(before);
      });

      it.each([
        ['is not hex', 'z'.repeat(128)],
        ['is a truncated signature', 'ab'.repeat(32)],
        ['is empty', ''],
        ['has a sha512= prefix', `sha512=${'a'.repeat(128)}`],
      ])('should answer 401 when the signature %s', async (_case, signature) => {
        const event = patientEvent();
        const before = await inboxCount();
        const response = await http(app).post(WEBHOOK_PATH).set('Content-Type', 'application/json').set('X-Webhook-Hmac', signature).send(JSON.stringify(event));
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 401, code: 'WEBHOOK_INVALID_SIGNATURE' });
        expect(await inboxCount()).toBe(before);
      });

      it('should accept the right signature in upper-case hex', async () => {
        const event = patientEvent();
        const raw = JSON.stringify(event);
        const response = await http(app).post(WEBHOOK_PATH).set('Content-Type', 'application/json').set('X-Webhook-Hmac', sign(raw, session.hmacKey).toUpperCase()).send(raw);
        expect(response.body).toEqual({ status: 'accepted' });
      });
    });

    it('should answer 404 for a session Robbot does not know', async () => {
      await expectRefused({ ...patientEvent(), session: `unknown-${randomBytes(4).toString('hex')}` }, 404, 'WEBHOOK_UNKNOWN_SESSION');
    });

    it('should store an event type it does not consume (presence.update) as ignored and answer 200', async () => {
      const event = { ...patientEvent(), event: 'presence.update', payload: { id: PATIENT_CHAT, presences: [{ participant: PATIENT_CHAT, lastKnownPresence: 'typing' }] } };
      const response = await postWebhook(app, event, session.hmacKey);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ignored' });
      expect(await inboxRow(event.id)).toMatchObject({ status: 'ignored', event: 'presence.update', outcome: 'event "presence.update" is not consumed' });
    });

    it.each([
      ['a group chat', { from: '120363025246125486@g.us', participant: '5511987654321@c.us' }],
      ['status@broadcast', { from: 'status@broadcast', participant: '5511987654321@c.us' }],
    ])('should answer 200 ignored to a message from %s and store no message', async (_case, overrides) => {
      const event = patientEvent({ body: 'para o grupo' });
      const body = { ...event, payload: { ...event.payload, ...overrides } };
      const response = await postWebhook(app, body, session.hmacKey);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ignored' });
      expect(await inboxRow(event.id)).toMatchObject({ status: 'ignored', outcome: expect.stringMatching(/not a direct chat/) });
      expect(await query(`SELECT 1 FROM messages WHERE session_id = $1 AND waha_message_id = $2`, [session.id, event.payload.id])).toHaveLength(0);
    });

    it.each([
      ['truncated JSON', '{"event":"message","session":'],
      ['a trailing comma', '{"event":"message",}'],
      ['an empty body', ''],
    ])('should answer 400 INVALID_JSON to %s', async (_case, raw) => {
      const before = await inboxCount();
      const response = await http(app).post(WEBHOOK_PATH).set('Content-Type', 'application/json').set('X-Webhook-Hmac', sign(raw, session.hmacKey)).send(raw);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'INVALID_JSON' });
      expect(await inboxCount()).toBe(before);
    });

    it('should answer 400 to a body with a __proto__ key', async () => {
      const raw = `{"__proto__":{"polluted":true},"event":"message","session":"${session.name}","payload":{}}`;
      const response = await http(app).post(WEBHOOK_PATH).set('Content-Type', 'application/json').set('X-Webhook-Hmac', sign(raw, session.hmacKey)).send(raw);
      expect(response.status).toBe(400);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])('should answer 415 to content type %s', async (contentType) => {
      const raw = JSON.stringify(patientEvent());
      const before = await inboxCount();
      const response = await http(app).post(WEBHOOK_PATH).set('Content-Type', contentType).set('X-Webhook-Hmac', sign(raw, session.hmacKey)).send(raw);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(await inboxCount()).toBe(before);
    });
  });

  describe('afterwards', () => {
    it('should still be alive and healthy', async () => {
      const response = await http(app).get(`${PREFIX}/health`);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('ok');
    });

    it('should leave no partially stored work: every inbox row settled, every message in a conversation', async () => {
      const sweeper = app.get(InboxSweeper);
      await waitFor(
        async () => {
          await sweeper.sweep();
          const [row] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM waha_inbox_events WHERE session_id = $1 AND status = 'pending'`, [session.id]);
          return row.n === 0;
        },
        { what: 'no pending inbox rows', intervalMs: 250 },
      );
      const statuses = await query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM waha_inbox_events WHERE session_id = $1 GROUP BY status`, [session.id]);
      expect(statuses.map((row) => row.status).sort()).toEqual(['ignored', 'processed']);
      const orphans = await query(
        `SELECT m.id FROM messages m LEFT JOIN conversations c ON c.id = m.conversation_id AND c.organization_id = m.organization_id
         WHERE m.session_id = $1 AND c.id IS NULL`,
        [session.id],
      );
      expect(orphans).toHaveLength(0);
      const contactless = await query(
        `SELECT c.id FROM conversations c LEFT JOIN contacts ct ON ct.id = c.contact_id WHERE c.session_id = $1 AND ct.id IS NULL`,
        [session.id],
      );
      expect(contactless).toHaveLength(0);
      // Every processed message event produced exactly one message.
      const [processed] = await query<{ events: number; messages: number }>(
        `SELECT count(DISTINCT e.payload->'payload'->>'id')::int AS events,
                (SELECT count(*)::int FROM messages m WHERE m.session_id = $1 AND m.waha_message_id IN
                   (SELECT e2.payload->'payload'->>'id' FROM waha_inbox_events e2 WHERE e2.session_id = $1 AND e2.event IN ('message', 'message.any') AND e2.status = 'processed')) AS messages
         FROM waha_inbox_events e WHERE e.session_id = $1 AND e.event IN ('message', 'message.any') AND e.status = 'processed'`,
        [session.id],
      );
      expect(processed.messages).toBe(processed.events);
    });
  });
});
