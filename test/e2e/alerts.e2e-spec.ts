import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { AlertSeverity, AlertType } from 'src/modules/alerts/alert.entity';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import { bearer, http, loginSuperAdmin, PREFIX, Session } from 'test/support/api';
import { withTestApp } from 'test/support/create-test-app';
import { expectError, expectInvalidFields } from 'test/support/expect-error';
import { Clinic, createClinic, createMember } from 'test/support/factories';

const ALERTS = `${PREFIX}/alerts`;

interface AlertBody {
  id: string;
  organization_id: string;
  type: string;
  severity: string;
  title: string;
  status: string;
  occurrences: number;
  resolved_at: string | null;
}

describe('Alerts (e2e)', () => {
  let app: NestFastifyApplication;
  let superAdmin: Session;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    superAdmin = await loginSuperAdmin(app);
  });

  function list(actor: Session, query: Record<string, string | number> = {}): Test {
    return http(app).get(ALERTS).query(query).set(...bearer(actor));
  }

  function resolve(actor: Session, id: string): Test {
    return http(app).post(`${ALERTS}/${id}/resolve`).set(...bearer(actor));
  }

  async function items(actor: Session, query: Record<string, string | number> = {}): Promise<AlertBody[]> {
    return (await list(actor, query).expect(200)).body.items as AlertBody[];
  }

  /** A clinic (no WhatsApp number, so no monitor touches it) with three alerts, one of them resolved. */
  async function clinicWithAlerts(): Promise<Clinic & { byKey: Record<string, AlertBody> }> {
    const clinic = await createClinic(app);
    const alerts = app.get(AlertsService);
    const raise = (dedupeKey: string, type: AlertType, severity: AlertSeverity): Promise<boolean> =>
      alerts.raise(clinic.organizationId, { type, severity, title: `Problem ${dedupeKey}`, dedupeKey, details: { key: dedupeKey } });
    await raise('down', AlertType.WhatsappSessionDown, AlertSeverity.Critical);
    await raise('pairing', AlertType.WhatsappSessionDown, AlertSeverity.Warning);
    await raise('backlog', AlertType.QueueBacklog, AlertSeverity.Warning);
    await raise('down', AlertType.WhatsappSessionDown, AlertSeverity.Critical);
    await alerts.resolveByKey(clinic.organizationId, 'pairing');
    const all = await items(clinic.admin);
    const byKey = Object.fromEntries(all.map((alert) => [alert.title.replace('Problem ', ''), alert]));
    return { ...clinic, byKey };
  }

  describe('GET /alerts', () => {
    it('should list the clinic’s alerts newest first, counting repeats instead of duplicating', async () => {
      const { admin, organizationId, byKey } = await clinicWithAlerts();
      const all = await items(admin);
      expect(all.map((alert) => alert.title)).toEqual(['Problem backlog', 'Problem pairing', 'Problem down']);
      expect(byKey.down).toMatchObject({ organization_id: organizationId, type: 'whatsapp_session_down', severity: 'critical', status: 'open', occurrences: 2, resolved_at: null });
      expect(byKey.pairing).toMatchObject({ status: 'resolved', resolved_at: expect.any(String) });
    });

    it('should filter by status, type and severity, and sort by last_seen_at', async () => {
      const { admin, byKey } = await clinicWithAlerts();
      const ids = async (query: Record<string, string>): Promise<string[]> => (await items(admin, query)).map((alert) => alert.id);
      expect(await ids({ status: 'open', order: 'asc' })).toEqual([byKey.down.id, byKey.backlog.id]);
      expect(await ids({ status: 'resolved' })).toEqual([byKey.pairing.id]);
      expect(await ids({ type: 'queue_backlog' })).toEqual([byKey.backlog.id]);
      expect(await ids({ severity: 'warning', type: 'whatsapp_session_down' })).toEqual([byKey.pairing.id]);
      // "down" was seen again last, so it leads when sorted by last_seen_at.
      expect((await ids({ sort: 'last_seen_at' }))[0]).toBe(byKey.down.id);
      const page = await list(admin, { limit: 1, page: 2 }).expect(200);
      expect(page.body).toMatchObject({ total: 3, page: 2, limit: 1, pages: 3 });
    });

    it('should refuse bad filters', async () => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await list(admin, { status: 'closed', severity: 'info', type: 'x', sort: 'title', limit: 101 }), [
        'status',
        'severity',
        'type',
        'sort',
        'limit',
      ]);
    });

    it('should ignore organization_id from a clinic admin: a clinic only ever sees its own', async () => {
      const mine = await clinicWithAlerts();
      const other = await clinicWithAlerts();
      const seen = await items(mine.admin, { organization_id: other.organizationId });
      expect(seen.every((alert) => alert.organization_id === mine.organizationId)).toBe(true);
      expect(seen).toHaveLength(3);
    });

    it('should let a super admin see every organization, or narrow to one', async () => {
      const first = await clinicWithAlerts();
      const second = await clinicWithAlerts();
      const everything = (await items(superAdmin, { type: 'queue_backlog', limit: 100 })).map((alert) => alert.id);
      expect(everything).toEqual(expect.arrayContaining([first.byKey.backlog.id, second.byKey.backlog.id]));
      const narrowed = await items(superAdmin, { organization_id: second.organizationId });
      expect(narrowed.map((alert) => alert.id).sort()).toEqual(Object.values(second.byKey).map((alert) => alert.id).sort());
    });

    it('should refuse viewers and secretaries, and callers without a token', async () => {
      const { admin } = await createClinic(app);
      for (const role of ['viewer', 'secretary'] as const) expectError(await list(await createMember(app, admin, role)), 403, 'FORBIDDEN');
      expectError(await http(app).get(ALERTS), 401, 'UNAUTHENTICATED');
    });
  });

  describe('POST /alerts/:id/resolve', () => {
    it('should resolve an open alert once, then answer 409 ALERT_ALREADY_RESOLVED', async () => {
      const { admin, byKey } = await clinicWithAlerts();
      const response = await resolve(admin, byKey.down.id).expect(200);
      expect(response.body).toMatchObject({ id: byKey.down.id, status: 'resolved', resolved_at: expect.any(String) });
      expectError(await resolve(admin, byKey.down.id), 409, 'ALERT_ALREADY_RESOLVED');
      const audit = await http(app).get(`${PREFIX}/audit-logs`).query({ entity_type: 'alert', entity_id: byKey.down.id }).set(...bearer(admin)).expect(200);
      expect(audit.body.items.map((item: { action: string }) => item.action)).toEqual(['alert.resolved']);
    });

    it('should open a new alert when the problem comes back after a manual resolve', async () => {
      const { organizationId, admin, byKey } = await clinicWithAlerts();
      await resolve(admin, byKey.backlog.id).expect(200);
      await app.get(AlertsService).raise(organizationId, { type: AlertType.QueueBacklog, severity: AlertSeverity.Warning, title: 'Again', dedupeKey: 'backlog' });
      const open = await items(admin, { type: 'queue_backlog', status: 'open' });
      expect(open).toHaveLength(1);
      expect(open[0].id).not.toBe(byKey.backlog.id);
    });

    it('should answer 404 ALERT_NOT_FOUND for another clinic’s alert and leave it open', async () => {
      const owner = await clinicWithAlerts();
      const intruder = await createClinic(app);
      expectError(await resolve(intruder.admin, owner.byKey.down.id), 404, 'ALERT_NOT_FOUND');
      expectError(await resolve(intruder.admin, randomUUID()), 404, 'ALERT_NOT_FOUND');
      expect((await items(owner.admin, { status: 'open' })).map((alert) => alert.id)).toContain(owner.byKey.down.id);
    });

    it('should let a super admin resolve any organization’s alert', async () => {
      const { admin, byKey } = await clinicWithAlerts();
      await resolve(superAdmin, byKey.backlog.id).expect(200);
      expect((await items(admin, { status: 'resolved' })).map((alert) => alert.id)).toContain(byKey.backlog.id);
    });

    it('should refuse a malformed id and members without the permission', async () => {
      const { admin, byKey } = await clinicWithAlerts();
      expectInvalidFields(await resolve(admin, 'not-a-uuid'), ['id']);
      expectError(await resolve(await createMember(app, admin, 'viewer'), byKey.down.id), 403, 'FORBIDDEN');
    });
  });
});
