import { randomInt } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parse } from 'csv-parse/sync';
import { Response, Test } from 'supertest';
import { bearer, http, PREFIX, Session } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createClinic, createTeam, Team } from '../support/factories';
import { dataSourceOf, insertWhatsappSession } from '../support/whatsapp';

const EXPORT = `${PREFIX}/conversations/export`;
const HEADER = ['phone', 'contact_name', 'created_at', 'status', 'assigned_user_name', 'assigned_user_email', 'lead_status', 'maturity_score'];

type Query = Record<string, string | string[]>;

describe('Conversation export (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
  });

  async function insertConversation(
    organizationId: string,
    fields: { name?: string; phone?: string; status?: string; createdAt?: string; assignedToId?: string | null } = {},
  ): Promise<string> {
    const session = await insertWhatsappSession(app, organizationId);
    const digits = String(randomInt(10_000_000, 99_999_999));
    const [row] = (await dataSourceOf(app).query(
      `WITH contact AS (
         INSERT INTO contacts (organization_id, name, phone, source) VALUES ($1, $2, $3, 'whatsapp') RETURNING id
       )
       INSERT INTO conversations (organization_id, session_id, contact_id, chat_id, status, assigned_to_id, created_at)
       SELECT $1, $4, contact.id, $5, $6, $7, $8 FROM contact RETURNING id`,
      [
        organizationId,
        fields.name ?? `Paciente ${digits}`,
        fields.phone ?? `+55119${digits}`,
        session.id,
        `55119${digits}@c.us`,
        fields.status ?? 'ACTIVE',
        fields.assignedToId ?? null,
        fields.createdAt ?? new Date().toISOString(),
      ],
    )) as { id: string }[];
    return row.id;
  }

  async function insertLead(organizationId: string, conversationId: string, status: string, score: number, createdAt: string): Promise<void> {
    await dataSourceOf(app).query(
      `INSERT INTO leads (organization_id, contact_id, conversation_id, source, status, score, created_at)
       SELECT organization_id, contact_id, id, 'WHATSAPP', $3, $4, $5 FROM conversations WHERE organization_id = $1 AND id = $2`,
      [organizationId, conversationId, status, score, createdAt],
    );
  }

  function exportCsv(actor: Session | null, query: Query = {}): Test {
    const request = http(app)
      .get(EXPORT)
      .query(query)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, String(res.headers['content-type']).includes('json') ? JSON.parse(text) : text));
      });
    return actor ? request.set(...bearer(actor)) : request;
  }

  function records(response: Response): string[][] {
    const text = response.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    return parse(text.slice(1), { relax_column_count: false }) as string[][];
  }

  describe('content', () => {
    it('should stream a CSV attachment with one escaped, formula-safe row per conversation', async () => {
      const clinic = await createClinic(app);
      const first = await insertConversation(clinic.organizationId, {
        name: '=HYPERLINK("http://evil", "clique")',
        phone: '+5511987650001',
        createdAt: '2026-11-01T10:00:00.000Z',
        assignedToId: clinic.admin.userId,
      });
      await insertLead(clinic.organizationId, first, 'LOST', 10, '2026-11-01T10:00:00.000Z');
      await insertLead(clinic.organizationId, first, 'INTERESTED', 72, '2026-11-01T09:00:00.000Z');
      const second = await insertConversation(clinic.organizationId, {
        name: 'Silva, Maria "Mari"\nSegunda linha',
        phone: '+5511987650002',
        status: 'CLOSED',
        createdAt: '2026-11-02T10:00:00.000Z',
      });
      await insertLead(clinic.organizationId, second, 'CONVERTED', 95, '2026-11-02T10:00:00.000Z');
      await insertConversation(clinic.organizationId, { name: '@SUM(1)', phone: '+5511987650003', createdAt: '2026-11-03T10:00:00.000Z' });

      const response = await exportCsv(clinic.admin, { format: 'csv' }).expect(200);

      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="conversas-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect((response.body as string).split('\r\n').length).toBe(5);
      expect(records(response)).toEqual([
        HEADER,
        ["'+5511987650001", '\'=HYPERLINK("http://evil", "clique")', '2026-11-01T10:00:00.000Z', 'ACTIVE', 'Admin Teste', clinic.admin.email, 'INTERESTED', '72'],
        ["'+5511987650002", 'Silva, Maria "Mari"\nSegunda linha', '2026-11-02T10:00:00.000Z', 'CLOSED', '', '', 'CONVERTED', '95'],
        ["'+5511987650003", "'@SUM(1)", '2026-11-03T10:00:00.000Z', 'ACTIVE', '', '', '', ''],
      ]);
    });

    it('should filter by creation dates (bare dates are days of the clinic’s calendar; an end date includes its whole day) and status', async () => {
      const clinic = await createClinic(app);
      const phones = ['+5511900000001', '+5511900000002', '+5511900000003', '+5511900000004'];
      // São Paulo (the default time zone) is UTC-3: its 1 November starts at 03:00 UTC.
      await insertConversation(clinic.organizationId, { phone: phones[0], createdAt: '2026-11-01T02:59:59.999Z' });
      await insertConversation(clinic.organizationId, { phone: phones[1], createdAt: '2026-11-01T03:00:00.000Z', status: 'CLOSED' });
      await insertConversation(clinic.organizationId, { phone: phones[2], createdAt: '2026-12-01T02:59:59.999Z' });
      await insertConversation(clinic.organizationId, { phone: phones[3], createdAt: '2026-12-01T03:00:00.000Z' });
      const exported = async (query: Query): Promise<string[]> =>
        records(await exportCsv(clinic.admin, query).expect(200))
          .slice(1)
          .map((row) => row[0].slice(1));

      expect(await exported({})).toEqual(phones);
      expect(await exported({ start_date: '2026-11-01', end_date: '2026-11-30' })).toEqual([phones[1], phones[2]]);
      expect(await exported({ start_date: '2026-11-01T03:00:00.001Z' })).toEqual([phones[2], phones[3]]);
      expect(await exported({ end_date: '2026-11-01T00:00:00.000-03:00' })).toEqual([phones[0], phones[1]]);
      expect(await exported({ status: 'CLOSED' })).toEqual([phones[1]]);
      expect(await exported({ status: 'ACTIVE,CLOSED', start_date: '2026-12-01' })).toEqual([phones[3]]);
      expect(await exported({ start_date: '2027-01-01' })).toEqual([]);

      // The same days for a clinic keeping UTC.
      await dataSourceOf(app).query(`UPDATE organizations SET timezone = 'UTC' WHERE id = $1`, [clinic.organizationId]);
      expect(await exported({ start_date: '2026-11-01', end_date: '2026-11-30' })).toEqual([phones[0], phones[1]]);
    });
  });

  describe('scope and permissions', () => {
    it('should export only the caller’s clinic, and for a secretary only hers and the unassigned ones', async () => {
      const { clinic, secretary, otherSecretary, otherClinic } = team;
      await insertConversation(clinic.organizationId, { phone: '+5511911110001', assignedToId: secretary.userId });
      await insertConversation(clinic.organizationId, { phone: '+5511911110002' });
      await insertConversation(clinic.organizationId, { phone: '+5511911110003', assignedToId: otherSecretary.userId });
      await insertConversation(otherClinic.organizationId, { phone: '+5511911110004' });
      const phones = async (actor: Session): Promise<string[]> =>
        records(await exportCsv(actor).expect(200))
          .slice(1)
          .map((row) => row[0].slice(1))
          .sort();

      expect(await phones(clinic.admin)).toEqual(['+5511911110001', '+5511911110002', '+5511911110003']);
      expect(await phones(secretary)).toEqual(['+5511911110001', '+5511911110002']);
      expect(await phones(otherSecretary)).toEqual(['+5511911110002', '+5511911110003']);
      expect(await phones(otherClinic.admin)).toEqual(['+5511911110004']);
    });

    it('should answer 403 to a viewer and 401 without a token', async () => {
      expectError(await exportCsv(team.viewer), 403, 'FORBIDDEN');
      expectError(await exportCsv(null), 401, 'UNAUTHENTICATED');
    });
  });

  describe('bad input', () => {
    it.each<[Query, string]>([
      [{ format: 'xlsx' }, 'format'],
      [{ start_date: 'ontem' }, 'start_date'],
      [{ end_date: '2026-02-30' }, 'end_date'],
      [{ start_date: '2026-13-01' }, 'start_date'],
      [{ start_date: '2026-11-30', end_date: '2026-11-01' }, 'end_date'],
      [{ status: 'OPEN' }, 'status'],
      [{ status: 'ACTIVE,' }, 'status'],
      [{ organization_id: '7a1f3c5e-2b4d-4f6a-8c0e-1d3f5b7a9c2e' }, 'organization_id'],
    ])('should answer 400 for %j', async (query, field) => {
      expectInvalidFields(await exportCsv(team.clinic.admin, query), [field]);
    });
  });

  describe('size', () => {
    const COUNT = 20_000;

    it(`should stream ${COUNT} conversations without the heap growing with the export`, async () => {
      const clinic = await createClinic(app);
      const session = await insertWhatsappSession(app, clinic.organizationId);
      await dataSourceOf(app).query(
        `WITH contacts AS (
           INSERT INTO contacts (organization_id, name, phone, source)
           SELECT $1, 'Paciente com um nome razoavelmente longo número ' || i, '+55119' || lpad(i::text, 8, '0'), 'whatsapp'
           FROM generate_series(1, $3::int) AS i RETURNING id, phone
         )
         INSERT INTO conversations (organization_id, session_id, contact_id, chat_id, created_at)
         SELECT $1, $2, id, substr(phone, 2) || '@c.us', now() - random() * interval '90 days' FROM contacts`,
        [clinic.organizationId, session.id, COUNT],
      );

      global.gc?.();
      const baseline = process.memoryUsage().heapUsed;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
      let lines = 0;
      let bytes = 0;
      try {
        // Counts as it goes and keeps nothing, so the heap measured is the app's, not a buffered body.
        const response = await http(app)
          .get(EXPORT)
          .set(...bearer(clinic.admin))
          .buffer(true)
          .parse((res, done) => {
            res.on('data', (chunk: Buffer) => {
              bytes += chunk.length;
              for (const byte of chunk) if (byte === 0x0a) lines += 1;
              peak = Math.max(peak, process.memoryUsage().heapUsed);
            });
            res.on('end', () => done(null, null));
          });
        expect(response.status).toBe(200);
      } finally {
        clearInterval(sampler);
      }

      expect(lines).toBe(COUNT + 1);
      // The whole file is ~2 MB, but the rows as objects would be tens of MB; a streamed export stays flat
      // (one 1,000-row batch at a time), whatever the number of conversations.
      expect(bytes).toBeGreaterThan(COUNT * 50);
      expect(peak - baseline).toBeLessThan(48 * 1024 * 1024);
    });
  });
});
