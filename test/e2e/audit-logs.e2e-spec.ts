import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Response, Test } from 'supertest';
import { bearer, http, loginSuperAdmin, PREFIX, Session, TEST_PASSWORD, uniqueEmail } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createClinic, createMember } from '../support/factories';

const AUDIT = `${PREFIX}/audit-logs`;
const LOGIN = `${PREFIX}/auth/login`;
const USERS = `${PREFIX}/users`;

interface AuditEntryBody {
  id: string;
  organization_id: string | null;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: Record<string, { old: unknown; new: unknown }> | null;
  ip: string | null;
  request_id: string | null;
  created_at: string;
}

function entriesOf(response: Response): AuditEntryBody[] {
  return response.body.items as AuditEntryBody[];
}

function requestId(): string {
  return `audit-test-${randomBytes(8).toString('hex')}`;
}

describe('Audit logs (e2e)', () => {
  let app: NestFastifyApplication;

  withTestApp((created) => (app = created));

  function audit(session: Pick<Session, 'accessToken'>, query: Record<string, string | number> = {}): Test {
    return http(app).get(AUDIT).query({ limit: 100, ...query }).set(...bearer(session));
  }

  /** The one entry matching `query`; fails when there are none or several. */
  async function onlyEntry(session: Session, query: Record<string, string>): Promise<AuditEntryBody> {
    const response = await audit(session, query).expect(200);
    expect(entriesOf(response)).toHaveLength(1);
    return entriesOf(response)[0];
  }

  async function addUser(admin: Session, role = 'secretary'): Promise<string> {
    const response = await http(app)
      .post(USERS)
      .set(...bearer(admin))
      .send({ name: 'Registro Auditado', email: uniqueEmail('audited'), password: TEST_PASSWORD, role })
      .expect(201);
    return response.body.id as string;
  }

  function patchUser(admin: Session, id: string, body: Record<string, unknown>): Test {
    return http(app).patch(`${USERS}/${id}`).set(...bearer(admin)).send(body);
  }

  describe('what is recorded', () => {
    it('should record successful and failed logins with ip, request id and actor', async () => {
      const { organizationId, admin } = await createClinic(app);
      const member = await createMember(app, admin, 'secretary');
      const loginId = requestId();
      await http(app).post(LOGIN).set('X-Request-Id', loginId).send({ email: member.email, password: TEST_PASSWORD }).expect(200);
      const failed = await http(app).post(LOGIN).send({ email: member.email, password: 'senha-errada-de-proposito' }).expect(401);

      const failure = await onlyEntry(admin, { action: 'auth.login_failed', actor_id: member.userId });
      expect(failure).toMatchObject({
        organization_id: organizationId,
        actor_id: member.userId,
        entity_type: 'user',
        entity_id: member.userId,
        ip: expect.stringMatching(/.+/),
        request_id: failed.body.requestId,
        metadata: { reason: 'invalid_password' },
      });
      expect(JSON.stringify(failure)).not.toContain('senha-errada-de-proposito');

      // One login from createMember, one here with a known request id.
      const successes = entriesOf(await audit(admin, { action: 'auth.login_succeeded', actor_id: member.userId }).expect(200));
      expect(successes).toHaveLength(2);
      expect(successes.find((entry) => entry.request_id === loginId)).toMatchObject({
        organization_id: organizationId,
        actor_id: member.userId,
        entity_id: member.userId,
        ip: expect.stringMatching(/.+/),
      });
    });

    it('should record a user’s creation and update with the changed fields', async () => {
      const { admin } = await createClinic(app);
      const userId = await addUser(admin, 'secretary');
      await patchUser(admin, userId, { role: 'admin' }).expect(200);

      const created = await onlyEntry(admin, { action: 'user.created', entity_id: userId });
      expect(created).toMatchObject({ actor_id: admin.userId, entity_type: 'user' });
      expect(created.changes).toMatchObject({ role: { old: null, new: 'secretary' }, is_active: { old: null, new: true } });
      const updated = await onlyEntry(admin, { action: 'user.updated', entity_id: userId });
      expect(updated).toMatchObject({ actor_id: admin.userId, entity_type: 'user', entity_id: userId });
      expect(updated.changes).toEqual({ role: { old: 'secretary', new: 'admin' } });
    });

    it('should record password changes without any password value', async () => {
      const { admin } = await createClinic(app);
      const member = await createMember(app, admin, 'viewer');
      const ownPassword = 'nova-senha-escolhida-por-mim';
      const resetPassword = 'senha-redefinida-pelo-admin';
      await http(app)
        .post(`${USERS}/me/password`)
        .set(...bearer(member))
        .send({ current_password: TEST_PASSWORD, new_password: ownPassword })
        .expect(200);
      await patchUser(admin, member.userId, { password: resetPassword }).expect(200);

      const changed = await onlyEntry(admin, { action: 'user.password_changed', entity_id: member.userId });
      expect(changed).toMatchObject({ actor_id: member.userId, entity_type: 'user' });
      const reset = await onlyEntry(admin, { action: 'user.updated', entity_id: member.userId });
      expect(reset.changes).toEqual({ password: { old: '[redacted]', new: '[redacted]' } });
      const everything = JSON.stringify((await audit(admin).expect(200)).body);
      for (const secret of [TEST_PASSWORD, ownPassword, resetPassword, '$argon2']) expect(everything).not.toContain(secret);
    });

    it('should record an organization update with the old and new name', async () => {
      const { organizationId, admin } = await createClinic(app);
      const before = await http(app).get(`${PREFIX}/organizations/me`).set(...bearer(admin)).expect(200);
      const name = `Clínica Renomeada ${randomBytes(3).toString('hex')}`;
      await http(app).patch(`${PREFIX}/organizations/me`).set(...bearer(admin)).send({ name }).expect(200);

      const entry = await onlyEntry(admin, { action: 'organization.updated', entity_type: 'organization', entity_id: organizationId });
      expect(entry).toMatchObject({ organization_id: organizationId, actor_id: admin.userId });
      expect(entry.changes).toEqual({ name: { old: before.body.name, new: name } });
    });

    it('should store the caller’s X-Request-Id on the entry', async () => {
      const { admin } = await createClinic(app);
      const userId = await addUser(admin);
      const id = requestId();
      const response = await patchUser(admin, userId, { name: 'Nome Rastreado' }).set('X-Request-Id', id).expect(200);
      expect(response.headers['x-request-id']).toBe(id);

      const entry = await onlyEntry(admin, { action: 'user.updated', entity_id: userId });
      expect(entry.request_id).toBe(id);
      expect(entry.changes).toEqual({ name: { old: 'Registro Auditado', new: 'Nome Rastreado' } });
    });
  });

  describe('filters', () => {
    it('should filter by actor', async () => {
      const { admin } = await createClinic(app);
      const member = await createMember(app, admin, 'secretary');
      await http(app).patch(`${USERS}/me`).set(...bearer(member)).send({ name: 'Secretária Renomeada' }).expect(200);

      const byMember = entriesOf(await audit(admin, { actor_id: member.userId }).expect(200));
      expect(byMember.map((entry) => entry.action).sort()).toEqual(['auth.login_succeeded', 'user.updated']);
      const byAdmin = entriesOf(await audit(admin, { actor_id: admin.userId }).expect(200));
      expect(byAdmin.length).toBeGreaterThan(0);
      expect(byAdmin.every((entry) => entry.actor_id === admin.userId)).toBe(true);
    });

    it('should filter by entity type and id', async () => {
      const { admin } = await createClinic(app);
      const first = await addUser(admin);
      const second = await addUser(admin);
      await patchUser(admin, second, { name: 'Outra Pessoa' }).expect(200);

      const entries = entriesOf(await audit(admin, { entity_type: 'user', entity_id: first }).expect(200));
      expect(entries.map((entry) => [entry.action, entry.entity_id])).toEqual([['user.created', first]]);
      expect((await audit(admin, { entity_type: 'organization', entity_id: first }).expect(200)).body.total).toBe(0);
    });

    it('should filter by a from/to date range', async () => {
      const { admin } = await createClinic(app);
      const userId = await addUser(admin);
      await patchUser(admin, userId, { role: 'viewer' }).expect(200);
      const created = await onlyEntry(admin, { action: 'user.created', entity_id: userId });
      const updated = await onlyEntry(admin, { action: 'user.updated', entity_id: userId });

      expect((await audit(admin, { to: '2000-01-01T00:00:00Z' }).expect(200)).body.total).toBe(0);
      expect((await audit(admin, { from: '2999-01-01T00:00:00Z' }).expect(200)).body.total).toBe(0);
      const since = entriesOf(await audit(admin, { entity_id: userId, from: updated.created_at }).expect(200));
      expect(since.map((entry) => entry.id)).toEqual([updated.id]);
      // Both bounds are inclusive, at the millisecond precision created_at is shown with.
      const window = entriesOf(await audit(admin, { entity_id: userId, from: created.created_at, to: created.created_at }).expect(200));
      expect(window.map((entry) => entry.id)).toEqual([created.id]);
      const until = entriesOf(await audit(admin, { entity_id: userId, to: updated.created_at }).expect(200));
      expect(until.map((entry) => entry.id)).toEqual([updated.id, created.id]);
    });

    it.each(['from', 'to'])('should answer 400 VALIDATION_FAILED for %s=yesterday', async (field) => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await audit(admin, { [field]: 'yesterday' }), [field]);
    });

    it('should paginate newest first', async () => {
      const { admin } = await createClinic(app);
      await addUser(admin);
      await addUser(admin);
      const all = await audit(admin).expect(200);
      const total = all.body.total as number;
      expect(total).toBeGreaterThanOrEqual(3);
      const times = entriesOf(all).map((entry) => entry.created_at);
      expect([...times].sort().reverse()).toEqual(times);

      const first = await audit(admin, { limit: 2, page: 1 }).expect(200);
      const second = await audit(admin, { limit: 2, page: 2 }).expect(200);
      expect(first.body).toMatchObject({ total, page: 1, limit: 2, pages: Math.ceil(total / 2) });
      expect(entriesOf(first).map((entry) => entry.id)).toEqual(entriesOf(all).slice(0, 2).map((entry) => entry.id));
      expect(entriesOf(second).map((entry) => entry.id)).toEqual(entriesOf(all).slice(2, 4).map((entry) => entry.id));
      expect(entriesOf(await audit(admin, { limit: 2, page: 99 }).expect(200))).toEqual([]);
    });
  });

  describe('access', () => {
    it('should never show a clinic admin another clinic’s entries', async () => {
      const clinicA = await createClinic(app);
      const clinicB = await createClinic(app);
      const userA = await addUser(clinicA.admin);

      expect((await audit(clinicB.admin, { entity_id: userA }).expect(200)).body.total).toBe(0);
      expect((await audit(clinicB.admin, { actor_id: clinicA.admin.userId }).expect(200)).body.total).toBe(0);
      const own = await audit(clinicB.admin).expect(200);
      const asked = await audit(clinicB.admin, { organization_id: clinicA.organizationId }).expect(200);
      expect(entriesOf(asked).every((entry) => entry.organization_id === clinicB.organizationId)).toBe(true);
      expect(entriesOf(asked).map((entry) => entry.id)).toEqual(entriesOf(own).map((entry) => entry.id));
    });

    it('should show a super admin every clinic’s entries, narrowed by organization_id', async () => {
      const clinicA = await createClinic(app);
      await createClinic(app);
      const userA = await addUser(clinicA.admin);
      const superAdmin = await loginSuperAdmin(app);

      const byEntity = await onlyEntry(superAdmin, { action: 'user.created', entity_id: userA });
      expect(byEntity.organization_id).toBe(clinicA.organizationId);
      const narrowed = entriesOf(await audit(superAdmin, { organization_id: clinicA.organizationId }).expect(200));
      expect(narrowed.every((entry) => entry.organization_id === clinicA.organizationId)).toBe(true);
      expect(narrowed.map((entry) => entry.entity_id)).toContain(userA);
    });

    it.each(['secretary', 'viewer'] as const)('should answer 403 to a %s', async (role) => {
      const { admin } = await createClinic(app);
      const member = await createMember(app, admin, role);
      expectError(await audit(member), 403, 'FORBIDDEN');
    });

    it('should answer 401 without a token', async () => {
      expectError(await http(app).get(AUDIT), 401, 'UNAUTHENTICATED');
    });
  });
});
