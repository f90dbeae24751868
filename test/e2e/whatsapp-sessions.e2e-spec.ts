import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { SecretCipher } from 'src/common/crypto/secret-cipher';
import { wahaConfig } from 'src/config/waha.config';
import { WhatsappSessionEntity } from 'src/modules/waha/sessions/whatsapp-session.entity';
import { WhatsappSessionMonitorService } from 'src/modules/waha/sessions/whatsapp-session-monitor.service';
import { WhatsappSessionsService } from 'src/modules/waha/sessions/whatsapp-sessions.service';
import { bearer, http, loginSuperAdmin, PREFIX, Session } from 'test/support/api';
import { withTestApp } from 'test/support/create-test-app';
import { expectError, expectInvalidFields } from 'test/support/expect-error';
import { Clinic, createClinic, createMember } from 'test/support/factories';
import { FakeWaha, RecordedRequest, TINY_PNG } from 'test/support/fake-waha.server';
import { waitFor } from 'test/support/wait-for';
import { dataSourceOf } from 'test/support/whatsapp';

const SESSIONS = `${PREFIX}/waha/sessions`;
const API_KEY = 'test-key';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface SessionBody {
  id: string;
  name: string;
  display_name: string | null;
  status: string;
  phone: string | null;
  push_name: string | null;
  restart_attempts: number;
}

interface AlertBody {
  id: string;
  type: string;
  severity: string;
  status: string;
  details: Record<string, unknown>;
}

/** Supertest parser keeping the body as bytes. */
function binary(res: unknown, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('WhatsApp sessions (e2e)', () => {
  let app: NestFastifyApplication;
  let fake: FakeWaha;
  // Filled once the fake listens: createTestApp reads the object when the app boots, after this hook.
  const env: Record<string, string> = {};

  beforeAll(async () => {
    fake = await FakeWaha.start({ apiKey: API_KEY });
    Object.assign(env, { WAHA_BASE_URL: fake.url, WAHA_API_KEY: API_KEY });
  });
  withTestApp((created) => (app = created), env);
  afterAll(() => fake.stop());
  afterEach(async () => {
    fake.heal();
    await fake.comeBack();
  });

  function create(admin: Session, body: Record<string, unknown> = {}): Test {
    return http(app).post(SESSIONS).set(...bearer(admin)).send(body);
  }

  async function createOk(admin: Session, body: Record<string, unknown> = {}): Promise<SessionBody> {
    const response = await create(admin, body);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response.body as SessionBody;
  }

  function get(actor: Session, path: string): Test {
    return http(app).get(`${SESSIONS}${path}`).set(...bearer(actor));
  }

  function post(actor: Session, path: string): Test {
    return http(app).post(`${SESSIONS}${path}`).set(...bearer(actor));
  }

  function createRequestsFor(name: string): RecordedRequest[] {
    return fake.requests.filter((request) => request.method === 'POST' && request.path === '/api/sessions' && (request.body as { name?: string }).name === name);
  }

  async function rowsOf(organizationId: string): Promise<WhatsappSessionEntity[]> {
    return dataSourceOf(app).getRepository(WhatsappSessionEntity).find({ where: { organizationId }, withDeleted: true });
  }

  function prefixOf(organizationId: string): string {
    return organizationId.replace(/-/g, '').slice(0, 12);
  }

  describe('POST /waha/sessions', () => {
    it('should create the WAHA session with our webhook, a fresh HMAC key and the clinic in its metadata', async () => {
      const { organizationId, admin } = await createClinic(app);
      const response = await create(admin, { display_name: 'Recepção' }).expect(201);

      const name = `${prefixOf(organizationId)}-main`;
      expect(response.body).toEqual({
        id: expect.any(String),
        name,
        display_name: 'Recepção',
        status: 'STARTING',
        status_changed_at: expect.stringMatching(ISO_DATE),
        phone: null,
        push_name: null,
        last_checked_at: null,
        restart_attempts: 0,
        created_at: expect.stringMatching(ISO_DATE),
      });
      const [request] = createRequestsFor(name);
      expect(request.headers['x-api-key']).toBe(API_KEY);
      const body = request.body as { start: boolean; config: { webhooks: Array<{ hmac: { key: string } }> } };
      const key = body.config.webhooks[0].hmac.key;
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect(body).toEqual({
        name,
        start: true,
        config: {
          webhooks: [
            {
              url: wahaConfig().webhookUrl,
              events: ['message', 'message.any', 'message.ack', 'session.status', 'message.revoked'],
              hmac: { key },
              retries: { policy: 'exponential', delaySeconds: 2, attempts: 15 },
            },
          ],
          metadata: { 'robbot.organization_id': organizationId },
          ignore: { status: true, groups: true, channels: true, broadcast: true },
        },
      });
      // The key is sealed at rest and never leaves through our API.
      expect(JSON.stringify(response.body)).not.toContain(key);
      expect(JSON.stringify((await get(admin, `/${name}`).expect(200)).body)).not.toContain(key);
      const [row] = await rowsOf(organizationId);
      expect(row.hmacKeyEncrypted).not.toContain(key);
      expect(app.get(SecretCipher).decrypt(row.hmacKeyEncrypted)).toBe(key);
    });

    it('should answer 409 WHATSAPP_SESSION_EXISTS for a label the clinic already uses, and allow another label', async () => {
      const { organizationId, admin } = await createClinic(app);
      await createOk(admin, { label: 'recepcao' });
      expectError(await create(admin, { label: 'recepcao' }), 409, 'WHATSAPP_SESSION_EXISTS');
      const other = await createOk(admin, { label: 'financeiro' });
      expect(other.name).toBe(`${prefixOf(organizationId)}-financeiro`);
      expect(await rowsOf(organizationId)).toHaveLength(2);
    });

    it('should give two clinics different WAHA names for the same label', async () => {
      const first = await createOk((await createClinic(app)).admin);
      const second = await createOk((await createClinic(app)).admin);
      expect(first.name).not.toBe(second.name);
    });

    it('should validate the label, the display name and refuse unknown fields', async () => {
      const { organizationId, admin } = await createClinic(app);
      expectInvalidFields(await create(admin, { label: 'Recepção!' }), ['label']);
      expectInvalidFields(await create(admin, { label: 'x'.repeat(31) }), ['label']);
      expectInvalidFields(await create(admin, { display_name: 'x'.repeat(81) }), ['display_name']);
      expectInvalidFields(await create(admin, { name: 'chosen-by-client' }), ['name']);
      expectInvalidFields(await create(admin, { organization_id: organizationId }), ['organization_id']);
      expect(await rowsOf(organizationId)).toHaveLength(0);
    });

    it('should answer 403 PLAN_LIMIT_REACHED past the free plan’s single number, without calling WAHA', async () => {
      const { organizationId, admin } = await createClinic(app, { plan: 'free' });
      await createOk(admin);
      const response = await create(admin, { label: 'second' });
      expectError(response, 403, 'PLAN_LIMIT_REACHED');
      expect(response.body.details).toMatchObject({ limit: 'maxWhatsappNumbers', max: 1 });
      expect(createRequestsFor(`${prefixOf(organizationId)}-second`)).toHaveLength(0);
    });

    it.each([
      ['answers 5xx', (fake: FakeWaha) => fake.failWith('5xx', { pathPrefix: '/api/sessions' })],
      ['is down', (fake: FakeWaha) => fake.goDown()],
    ])('should answer 502 WAHA_UNAVAILABLE and leave no row when WAHA %s', async (_case, breakWaha) => {
      const { organizationId, admin } = await createClinic(app);
      await breakWaha(fake);
      expectError(await create(admin), 502, 'WAHA_UNAVAILABLE');
      expect(await rowsOf(organizationId)).toHaveLength(0);
    });

    it('should answer 502 WAHA_REJECTED with WAHA’s message when WAHA refuses the request', async () => {
      const { organizationId, admin } = await createClinic(app);
      fake.failWith('4xx', { pathPrefix: '/api/sessions', status: 400 });
      const response = await create(admin);
      expectError(response, 502, 'WAHA_REJECTED');
      expect(response.body.message).toContain('chatId should not be empty');
      expect(await rowsOf(organizationId)).toHaveLength(0);
    });

    it('should answer 409 WHATSAPP_SESSION_EXISTS and leave no row when WAHA already has the name', async () => {
      const { organizationId, admin } = await createClinic(app);
      fake.seedSession(`${prefixOf(organizationId)}-main`);
      expectError(await create(admin), 409, 'WHATSAPP_SESSION_EXISTS');
      expect(await rowsOf(organizationId)).toHaveLength(0);
    });

    it('should let only admins add numbers', async () => {
      const { admin } = await createClinic(app);
      for (const role of ['viewer', 'secretary'] as const) {
        expectError(await create(await createMember(app, admin, role)), 403, 'FORBIDDEN');
      }
      expectError(await http(app).post(SESSIONS).send({}), 401, 'UNAUTHENTICATED');
    });
  });

  describe('GET /waha/sessions', () => {
    it('should list the clinic’s own numbers only, paginated', async () => {
      const clinic = await createClinic(app);
      const first = await createOk(clinic.admin, { label: 'a' });
      const second = await createOk(clinic.admin, { label: 'b' });
      await createOk((await createClinic(app)).admin, { label: 'a' });

      const page = await get(clinic.admin, '?limit=1').expect(200);
      expect(page.body).toMatchObject({ total: 2, page: 1, limit: 1, pages: 2 });
      expect(page.body.items.map((item: SessionBody) => item.id)).toEqual([second.id]);
      const asc = await get(clinic.admin, '?order=asc').expect(200);
      expect(asc.body.items.map((item: SessionBody) => item.id)).toEqual([first.id, second.id]);
      expectInvalidFields(await get(clinic.admin, '?sort=name'), ['sort']);
    });

    it('should let a viewer read but not a secretary', async () => {
      const { admin } = await createClinic(app);
      const session = await createOk(admin);
      const viewer = await createMember(app, admin, 'viewer');
      expect((await get(viewer, `/${session.name}`).expect(200)).body.id).toBe(session.id);
      expectError(await get(await createMember(app, admin, 'secretary'), ''), 403, 'FORBIDDEN');
    });

    it('should answer 404 for an unknown name and 400 for a name WAHA could not have', async () => {
      const { organizationId, admin } = await createClinic(app);
      expectError(await get(admin, `/${prefixOf(organizationId)}-nope`), 404, 'WHATSAPP_SESSION_NOT_FOUND');
      expectInvalidFields(await get(admin, '/bad.name'), ['name']);
    });
  });

  describe('GET /waha/sessions/:name/qr', () => {
    it('should answer the PNG while WAHA waits for a scan, and the raw string on request', async () => {
      const { admin } = await createClinic(app);
      const session = await createOk(admin);

      const image = await get(admin, `/${session.name}/qr`).buffer(true).parse(binary).expect(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(image.body as Buffer, TINY_PNG)).toBe(0);
      const raw = await get(admin, `/${session.name}/qr?format=raw`).expect(200);
      expect(raw.body).toEqual({ value: expect.stringMatching(/^2@/) });
      expect((await get(admin, `/${session.name}`)).body.status).toBe('SCAN_QR_CODE');
      expectInvalidFields(await get(admin, `/${session.name}/qr?format=svg`), ['format']);
    });

    it('should answer 409 WHATSAPP_SESSION_ALREADY_CONNECTED once paired, storing WAHA’s status and number', async () => {
      const { admin } = await createClinic(app);
      const session = await createOk(admin);
      fake.setSessionStatus(session.name, 'WORKING');

      expectError(await get(admin, `/${session.name}/qr`), 409, 'WHATSAPP_SESSION_ALREADY_CONNECTED');
      expect((await get(admin, `/${session.name}`)).body).toMatchObject({ status: 'WORKING', phone: '+551132104567', push_name: 'Clínica Vida Saudável' });
    });

    it('should answer 409 WHATSAPP_SESSION_NOT_PAIRING with the status when the number is stopped', async () => {
      const { admin } = await createClinic(app);
      const session = await createOk(admin);
      fake.setSessionStatus(session.name, 'STOPPED');
      const response = await get(admin, `/${session.name}/qr?format=raw`);
      expectError(response, 409, 'WHATSAPP_SESSION_NOT_PAIRING');
      expect(response.body.details).toEqual({ status: 'STOPPED' });
    });
  });

  describe('start, stop, restart, delete', () => {
    it('should stop, start and restart through WAHA, answering WAHA’s status and auditing each', async () => {
      const { admin } = await createClinic(app);
      const session = await createOk(admin);
      await waitFor(() => fake.session(session.name)?.status === 'SCAN_QR_CODE');

      expect((await post(admin, `/${session.name}/stop`).expect(200)).body).toMatchObject({ id: session.id, status: 'STOPPED' });
      expect((await post(admin, `/${session.name}/start`).expect(200)).body.status).toBe('STARTING');
      expect((await post(admin, `/${session.name}/restart`).expect(200)).body.status).toBe('STARTING');
      const actions = fake.requests.filter((request) => request.path.startsWith(`/api/sessions/${session.name}/`)).map((request) => request.path.split('/').pop());
      expect(actions).toEqual(['stop', 'start', 'restart']);

      const audit = await http(app).get(`${PREFIX}/audit-logs?entity_type=whatsapp_session`).set(...bearer(admin)).expect(200);
      expect(audit.body.items.map((item: { action: string }) => item.action).sort()).toEqual(
        ['whatsapp_session.created', 'whatsapp_session.restarted', 'whatsapp_session.started', 'whatsapp_session.stopped'].sort(),
      );
      expect(audit.body.items.every((item: { entity_id: string }) => item.entity_id === session.id)).toBe(true);
    });

    it('should answer 502 WAHA_UNAVAILABLE, not 500, when WAHA is down', async () => {
      const { admin } = await createClinic(app);
      const session = await createOk(admin);
      await fake.goDown();
      for (const path of [`/${session.name}/start`, `/${session.name}/stop`, `/${session.name}/restart`]) {
        expectError(await post(admin, path), 502, 'WAHA_UNAVAILABLE');
      }
      expectError(await get(admin, `/${session.name}/qr`), 502, 'WAHA_UNAVAILABLE');
      expectError(await http(app).delete(`${SESSIONS}/${session.name}`).set(...bearer(admin)), 502, 'WAHA_UNAVAILABLE');
      expect((await get(admin, `/${session.name}`).expect(200)).body.id).toBe(session.id);
    });

    it('should delete the WAHA session, then hide ours (soft delete) and free the label', async () => {
      const { organizationId, admin } = await createClinic(app);
      const session = await createOk(admin);

      await http(app).delete(`${SESSIONS}/${session.name}`).set(...bearer(admin)).expect(204);

      expect(fake.session(session.name)).toBeUndefined();
      expectError(await get(admin, `/${session.name}`), 404, 'WHATSAPP_SESSION_NOT_FOUND');
      expect((await get(admin, '').expect(200)).body.total).toBe(0);
      const [row] = await rowsOf(organizationId);
      expect(row.deletedAt).toBeInstanceOf(Date);
      expect((await createOk(admin)).name).toBe(session.name);
    });

    it('should treat a session WAHA no longer has as already deleted', async () => {
      const { admin } = await createClinic(app);
      const session = await createOk(admin);
      fake.respondWith('DELETE', '/api/sessions/', { status: 404, body: { message: 'Session not found', error: 'Not Found', statusCode: 404 } });
      await http(app).delete(`${SESSIONS}/${session.name}`).set(...bearer(admin)).expect(204);
      expectError(await get(admin, `/${session.name}`), 404, 'WHATSAPP_SESSION_NOT_FOUND');
    });

    it('should refuse viewers and secretaries every change', async () => {
      const { admin } = await createClinic(app);
      const session = await createOk(admin);
      for (const role of ['viewer', 'secretary'] as const) {
        const member = await createMember(app, admin, role);
        for (const action of ['start', 'stop', 'restart']) expectError(await post(member, `/${session.name}/${action}`), 403, 'FORBIDDEN');
        expectError(await http(app).delete(`${SESSIONS}/${session.name}`).set(...bearer(member)), 403, 'FORBIDDEN');
      }
    });
  });

  describe('cross-organization', () => {
    it.each([
      ['GET', ''],
      ['GET', '/qr'],
      ['POST', '/start'],
      ['POST', '/stop'],
      ['POST', '/restart'],
      ['DELETE', ''],
    ])('%s /waha/sessions/:name%s should answer 404 for another clinic’s number without reaching WAHA', async (method, suffix) => {
      const owner = await createClinic(app);
      const session = await createOk(owner.admin);
      const intruder = await createClinic(app);
      const before = fake.requests.length;

      const url = `${SESSIONS}/${session.name}${suffix}`;
      const request = method === 'GET' ? http(app).get(url) : method === 'POST' ? http(app).post(url) : http(app).delete(url);
      expectError(await request.set(...bearer(intruder.admin)), 404, 'WHATSAPP_SESSION_NOT_FOUND');

      expect(fake.requests.slice(before).filter((item) => item.path.includes(session.name))).toEqual([]);
      expect((await get(owner.admin, `/${session.name}`).expect(200)).body.id).toBe(session.id);
    });
  });

  describe('status events and the monitor', () => {
    let clinic: Clinic;
    let session: SessionBody;

    beforeEach(async () => {
      clinic = await createClinic(app);
      session = await createOk(clinic.admin);
      await waitFor(() => fake.session(session.name)?.status === 'SCAN_QR_CODE');
    });

    function check(): Promise<unknown> {
      // Scoped to this clinic: a check of every organization would also touch other test files' numbers.
      return app.get(WhatsappSessionMonitorService).check({ organizationId: clinic.organizationId });
    }

    async function alerts(actor: Session, query: string): Promise<AlertBody[]> {
      return (await http(app).get(`${PREFIX}/alerts?${query}`).set(...bearer(actor)).expect(200)).body.items as AlertBody[];
    }

    it('should apply status events in event order, not arrival order', async () => {
      const sessions = app.get(WhatsappSessionsService);
      const now = Date.now();
      await sessions.applyStatusEvent(session.id, 'WORKING', { id: '5511987654321@c.us', pushName: 'Recepção' }, new Date(now + 2_000));
      await sessions.applyStatusEvent(session.id, 'SCAN_QR_CODE', null, new Date(now + 1_000));
      expect((await get(clinic.admin, `/${session.name}`)).body).toMatchObject({ status: 'WORKING', phone: '+5511987654321', push_name: 'Recepção' });
    });

    it('should restart a FAILED number, alert the clinic, and resolve the alert once it works again', async () => {
      fake.setSessionStatus(session.name, 'FAILED');
      await check();

      expect(fake.requests.some((request) => request.method === 'POST' && request.path === `/api/sessions/${session.name}/restart`)).toBe(true);
      const [down] = await alerts(clinic.admin, 'type=whatsapp_session_down&status=open');
      expect(down).toMatchObject({ severity: 'critical', details: { session_name: session.name, status: 'FAILED', restart_attempts: 1 } });
      const restarted = (await get(clinic.admin, `/${session.name}`)).body as SessionBody;
      expect(restarted.restart_attempts).toBe(1);
      expect(['STARTING', 'SCAN_QR_CODE']).toContain(restarted.status);

      fake.setSessionStatus(session.name, 'WORKING');
      await check();

      expect(await alerts(clinic.admin, 'type=whatsapp_session_down&status=open')).toEqual([]);
      expect((await alerts(clinic.admin, 'type=whatsapp_session_down&status=resolved')).map((alert) => alert.id)).toEqual([down.id]);
      expect((await get(clinic.admin, `/${session.name}`)).body).toMatchObject({ status: 'WORKING', restart_attempts: 0, last_checked_at: expect.stringMatching(ISO_DATE) });
    });

    it('should alert the clinic and the platform when WAHA is down, and resolve the clinic’s once it answers', async () => {
      const before = (await get(clinic.admin, `/${session.name}`)).body as SessionBody;
      await fake.goDown();
      await check();

      const [unreachable] = await alerts(clinic.admin, 'type=waha_unreachable&status=open');
      expect(unreachable).toMatchObject({ severity: 'critical' });
      const superAdmin = await loginSuperAdmin(app);
      const platform = await alerts(superAdmin, 'type=waha_unreachable&status=open&limit=100');
      expect(platform.some((alert) => alert.id !== unreachable.id)).toBe(true);
      // Silence says nothing about the number itself: its status stays as it was.
      expect((await get(clinic.admin, `/${session.name}`)).body.status).toBe(before.status);

      await fake.comeBack();
      await check();
      expect(await alerts(clinic.admin, 'type=waha_unreachable&status=open')).toEqual([]);
    });

    it('should alert when WAHA lost a number we have', async () => {
      fake.reset();
      await check();
      const [missing] = await alerts(clinic.admin, 'type=whatsapp_session_down&status=open');
      expect(missing.details).toMatchObject({ reason: 'missing_in_waha', session_name: session.name });
    });
  });
});
