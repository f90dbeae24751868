import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer, http, login, loginSuperAdmin, PREFIX, Session, TEST_PASSWORD, uniqueEmail } from '../support/api';
import { createTestApp } from '../support/create-test-app';
import { Clinic, createClinic, createMember } from '../support/factories';

type Method = 'get' | 'post' | 'patch';
type Role = 'admin' | 'secretary' | 'viewer';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('Organizations (super admin management and /organizations/me)', () => {
  let app: NestFastifyApplication;
  let superAdmin: Session;

  beforeAll(async () => {
    app = await createTestApp();
    superAdmin = await loginSuperAdmin(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const call = (method: Method, path: string, session?: Pick<Session, 'accessToken'>, body?: object) => {
    const pending = http(app)[method](`${PREFIX}${path}`);
    if (session) pending.set(...bearer(session));
    return body === undefined ? pending : pending.send(body);
  };
  const tag = () => randomUUID().slice(0, 8);
  const newOrganization = (overrides: Record<string, unknown> = {}) => ({
    name: `Clínica ${tag()}`,
    plan: 'starter',
    admin: { name: 'Admin Novo', email: uniqueEmail('admin'), password: TEST_PASSWORD },
    ...overrides,
  });
  const searchByName = (name: string) => call('get', `/organizations?search=${encodeURIComponent(name)}`, superAdmin);
  const platformOrganizationId = async (): Promise<string> => (await call('get', '/users/me', superAdmin).expect(200)).body.organization_id;

  describe('POST /organizations', () => {
    it('should create a clinic with its first admin, who can log in', async () => {
      const body = newOrganization({ plan: 'professional', timezone: 'America/Manaus', locale: 'en-US' });
      const response = await call('post', '/organizations', superAdmin, body).expect(201);
      expect(response.body.organization).toMatchObject({
        id: expect.any(String),
        name: body.name,
        plan: 'professional',
        limits: { max_users: 15, max_whatsapp_numbers: 3, monthly_inbound_messages: 20000, monthly_ai_tokens: 5000000 },
        status: 'active',
        suspended_at: null,
        timezone: 'America/Manaus',
        locale: 'en-US',
      });
      expect(response.body.admin).toMatchObject({ organization_id: response.body.organization.id, email: body.admin.email, role: 'admin', is_active: true });
      expect(response.body.admin).not.toHaveProperty('password_hash');
      const admin = await login(app, body.admin.email, TEST_PASSWORD);
      expect(admin).toMatchObject({ organizationId: response.body.organization.id, role: 'admin' });
    });

    it('should default to the free plan, America/Sao_Paulo and pt-BR', async () => {
      const { plan: _omitted, ...body } = newOrganization();
      const response = await call('post', '/organizations', superAdmin, body).expect(201);
      expect(response.body.organization).toMatchObject({ plan: 'free', limits: { max_users: 3 }, timezone: 'America/Sao_Paulo', locale: 'pt-BR' });
    });

    it.each([
      ['an unknown plan', { plan: 'gold' }, 'plan'],
      ['an invalid time zone', { timezone: 'Mars/Base' }, 'timezone'],
      ['an unsupported locale', { locale: 'fr-FR' }, 'locale'],
      ['no admin', { admin: undefined }, 'admin'],
      ['an admin with a bad email', { admin: { name: 'Admin', email: 'not-an-email', password: TEST_PASSWORD } }, 'admin.email'],
      ['an admin with an unknown field', { admin: { name: 'Admin', email: uniqueEmail(), password: TEST_PASSWORD, role: 'super_admin' } }, 'admin.role'],
      ['an unknown field', { organization_id: UNKNOWN_ID }, 'organization_id'],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_case, overrides, field) => {
      const body = newOrganization(overrides);
      const response = await call('post', '/organizations', superAdmin, body).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', requestId: expect.any(String) });
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect((await searchByName(body.name).expect(200)).body.total).toBe(0);
    });

    it('should answer 409 USER_EMAIL_TAKEN for a used admin email and leave no organization behind', async () => {
      const clinic = await createClinic(app);
      const body = newOrganization({ admin: { name: 'Outra Pessoa', email: clinic.admin.email.toUpperCase(), password: TEST_PASSWORD } });
      const response = await call('post', '/organizations', superAdmin, body).expect(409);
      expect(response.body.code).toBe('USER_EMAIL_TAKEN');
      expect((await searchByName(body.name).expect(200)).body).toMatchObject({ items: [], total: 0 });
    });

    it('should answer 400 USER_WEAK_PASSWORD for a weak admin password and leave no organization behind', async () => {
      const body = newOrganization({ admin: { name: 'Admin', email: uniqueEmail(), password: 'curta' } });
      const response = await call('post', '/organizations', superAdmin, body).expect(400);
      expect(response.body.code).toBe('USER_WEAK_PASSWORD');
      expect((await searchByName(body.name).expect(200)).body.total).toBe(0);
    });
  });

  describe('GET /organizations', () => {
    const prefix = `Lista ${tag()}`;
    const ids: Record<'alfa' | 'beta' | 'gama', string> = { alfa: '', beta: '', gama: '' };

    beforeAll(async () => {
      for (const [key, plan] of [['alfa', 'starter'], ['beta', 'professional'], ['gama', 'starter']] as const) {
        const created = await call('post', '/organizations', superAdmin, newOrganization({ name: `${prefix} ${key}`, plan })).expect(201);
        ids[key] = created.body.organization.id;
      }
      await call('post', `/organizations/${ids.gama}/suspend`, superAdmin, { reason: 'Pagamento em atraso' }).expect(200);
    });

    const list = (query: Record<string, string | number>) => call('get', '/organizations', superAdmin).query(query);
    const names = (body: { items: Array<{ name: string }> }) => body.items.map((item) => item.name);

    it('should paginate with items, total, page, limit and pages', async () => {
      const first = await list({ search: prefix, limit: 2 }).expect(200);
      expect(first.body).toMatchObject({ total: 3, page: 1, limit: 2, pages: 2 });
      expect(first.body.items).toHaveLength(2);
      const second = await list({ search: prefix, limit: 2, page: 2 }).expect(200);
      expect(second.body.items).toHaveLength(1);
      const seen = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id);
      expect(new Set(seen)).toEqual(new Set(Object.values(ids)));
      const past = await list({ search: prefix, limit: 2, page: 3 }).expect(200);
      expect(past.body).toMatchObject({ items: [], total: 3, page: 3 });
    });

    it('should search case-insensitively on part of the name', async () => {
      const all = await list({ search: prefix.slice(3).toUpperCase() }).expect(200);
      expect(all.body.total).toBe(3);
      const one = await list({ search: `${prefix.toLowerCase()} BET` }).expect(200);
      expect(one.body.items.map((item: { id: string }) => item.id)).toEqual([ids.beta]);
    });

    it('should filter by status and plan', async () => {
      expect(names((await list({ search: prefix, status: 'suspended' }).expect(200)).body)).toEqual([`${prefix} gama`]);
      expect(names((await list({ search: prefix, plan: 'starter', sort: 'name', order: 'asc' }).expect(200)).body)).toEqual([`${prefix} alfa`, `${prefix} gama`]);
      expect(names((await list({ search: prefix, status: 'active', plan: 'starter' }).expect(200)).body)).toEqual([`${prefix} alfa`]);
      expect((await list({ search: prefix, plan: 'enterprise' }).expect(200)).body.total).toBe(0);
    });

    it('should sort by name in either direction', async () => {
      const ascending = [`${prefix} alfa`, `${prefix} beta`, `${prefix} gama`];
      expect(names((await list({ search: prefix, sort: 'name', order: 'asc' }).expect(200)).body)).toEqual(ascending);
      expect(names((await list({ search: prefix, sort: 'name', order: 'desc' }).expect(200)).body)).toEqual([...ascending].reverse());
    });

    it('should never list the platform organization', async () => {
      const platformId = await platformOrganizationId();
      const byName = await list({ search: 'Robbot Platform', limit: 100 }).expect(200);
      expect(byName.body.items.map((item: { id: string }) => item.id)).not.toContain(platformId);
      const enterprise = await list({ plan: 'enterprise', limit: 100 }).expect(200);
      expect(enterprise.body.items.map((item: { id: string }) => item.id)).not.toContain(platformId);
    });

    it.each<Record<string, string | number>>([
      { limit: 0 },
      { limit: 101 },
      { page: 0 },
      { page: 'x' },
      { status: 'deleted' },
      { plan: 'gold' },
      { sort: 'email' },
      { order: 'up' },
      { organization_id: UNKNOWN_ID },
    ])('should answer 400 VALIDATION_FAILED for %p', async (query) => {
      const response = await list(query).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('GET and PATCH /organizations/:id', () => {
    it('should return one clinic', async () => {
      const clinic = await createClinic(app, { plan: 'starter' });
      const response = await call('get', `/organizations/${clinic.organizationId}`, superAdmin).expect(200);
      expect(response.body).toMatchObject({ id: clinic.organizationId, plan: 'starter', limits: { max_users: 5 }, status: 'active' });
    });

    it.each([
      ['get', undefined],
      ['patch', { name: 'Qualquer Nome' }],
    ] as const)('should answer %s of an unknown id with 404 ORGANIZATION_NOT_FOUND and a malformed one with 400', async (method, body) => {
      expect((await call(method, `/organizations/${UNKNOWN_ID}`, superAdmin, body).expect(404)).body.code).toBe('ORGANIZATION_NOT_FOUND');
      expect((await call(method, '/organizations/not-a-uuid', superAdmin, body).expect(400)).body.code).toBe('VALIDATION_FAILED');
    });

    it('should hide the platform organization from every /organizations/:id route', async () => {
      const platformId = await platformOrganizationId();
      const attempts = [
        call('get', `/organizations/${platformId}`, superAdmin),
        call('patch', `/organizations/${platformId}`, superAdmin, { plan: 'free' }),
        call('post', `/organizations/${platformId}/suspend`, superAdmin, { reason: 'Tentativa indevida' }),
        call('post', `/organizations/${platformId}/reactivate`, superAdmin),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('ORGANIZATION_NOT_FOUND');
      }
      await call('get', '/users/me', superAdmin).expect(200);
    });

    it('should change the plan to enterprise, whose limits are null (unlimited)', async () => {
      const clinic = await createClinic(app, { plan: 'free' });
      const response = await call('patch', `/organizations/${clinic.organizationId}`, superAdmin, { plan: 'enterprise' }).expect(200);
      const unlimited = { max_users: null, max_whatsapp_numbers: null, monthly_inbound_messages: null, monthly_ai_tokens: null };
      expect(response.body).toMatchObject({ plan: 'enterprise', limits: unlimited });
      expect((await call('get', '/organizations/me', clinic.admin).expect(200)).body).toMatchObject({ plan: 'enterprise', limits: unlimited });
    });

    it('should reject an unknown plan with 400 VALIDATION_FAILED', async () => {
      const clinic = await createClinic(app, { plan: 'starter' });
      const response = await call('patch', `/organizations/${clinic.organizationId}`, superAdmin, { plan: 'gold' }).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect((await call('get', `/organizations/${clinic.organizationId}`, superAdmin).expect(200)).body.plan).toBe('starter');
    });
  });

  describe('POST /organizations/:id/suspend and /reactivate', () => {
    const expectSuspended = (response: { status: number; body: { code?: string } }) => {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('ORGANIZATION_SUSPENDED');
    };

    it('should lock every user of the clinic out until it is reactivated, without touching other clinics', async () => {
      const clinic = await createClinic(app);
      const viewer = await createMember(app, clinic.admin, 'viewer');
      const other = await createClinic(app);

      const suspended = await call('post', `/organizations/${clinic.organizationId}/suspend`, superAdmin, { reason: '  Pagamento em atraso  ' }).expect(200);
      expect(suspended.body).toMatchObject({ id: clinic.organizationId, status: 'suspended', suspension_reason: 'Pagamento em atraso' });
      expect(Number.isNaN(Date.parse(suspended.body.suspended_at))).toBe(false);

      expectSuspended(await call('get', '/users/me', clinic.admin));
      expectSuspended(await call('get', '/organizations/me', clinic.admin));
      expectSuspended(await call('get', '/users', viewer));
      expectSuspended(await http(app).post(`${PREFIX}/auth/login`).send({ email: clinic.admin.email, password: TEST_PASSWORD }));
      expectSuspended(await http(app).post(`${PREFIX}/auth/login`).send({ email: viewer.email, password: TEST_PASSWORD }));
      expectSuspended(await http(app).post(`${PREFIX}/auth/refresh`).send({ refresh_token: clinic.admin.refreshToken }));

      const again = await call('post', `/organizations/${clinic.organizationId}/suspend`, superAdmin, { reason: 'De novo' }).expect(409);
      expect(again.body.code).toBe('ORGANIZATION_ALREADY_SUSPENDED');

      await call('get', '/users/me', other.admin).expect(200);
      expect((await call('get', '/organizations/me', other.admin).expect(200)).body).toMatchObject({ id: other.organizationId, status: 'active' });

      const reactivated = await call('post', `/organizations/${clinic.organizationId}/reactivate`, superAdmin).expect(200);
      expect(reactivated.body).toMatchObject({ status: 'active', suspended_at: null, suspension_reason: null });

      // Suspension never revoked anything: the tokens issued before it work again.
      await call('get', '/users/me', clinic.admin).expect(200);
      await call('get', '/users', viewer).expect(200);
      await http(app).post(`${PREFIX}/auth/refresh`).send({ refresh_token: clinic.admin.refreshToken }).expect(200);
      await login(app, viewer.email, TEST_PASSWORD);

      const notSuspended = await call('post', `/organizations/${clinic.organizationId}/reactivate`, superAdmin).expect(409);
      expect(notSuspended.body.code).toBe('ORGANIZATION_NOT_SUSPENDED');
    });

    it.each([
      ['no reason', {}],
      ['a too short reason', { reason: 'ab' }],
      ['an unknown field', { reason: 'Motivo válido', notify: true }],
    ])('should answer 400 VALIDATION_FAILED for %s and leave the clinic active', async (_case, body) => {
      const clinic = await createClinic(app);
      const response = await call('post', `/organizations/${clinic.organizationId}/suspend`, superAdmin, body).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      await call('get', '/users/me', clinic.admin).expect(200);
    });

    it('should answer 404 for an unknown clinic', async () => {
      expect((await call('post', `/organizations/${UNKNOWN_ID}/suspend`, superAdmin, { reason: 'Motivo válido' }).expect(404)).body.code).toBe('ORGANIZATION_NOT_FOUND');
      expect((await call('post', `/organizations/${UNKNOWN_ID}/reactivate`, superAdmin).expect(404)).body.code).toBe('ORGANIZATION_NOT_FOUND');
    });
  });

  describe('permissions', () => {
    let clinic: Clinic;
    let target: Clinic;
    const sessions = {} as Record<Role, Session>;

    beforeAll(async () => {
      [clinic, target] = await Promise.all([createClinic(app), createClinic(app)]);
      sessions.admin = clinic.admin;
      sessions.secretary = await createMember(app, clinic.admin, 'secretary');
      sessions.viewer = await createMember(app, clinic.admin, 'viewer');
    });

    const platformRoutes = (id: () => string): Array<[string, Method, () => string, object | undefined]> => [
      ['GET /organizations', 'get', () => '/organizations', undefined],
      ['GET /organizations/:id', 'get', () => `/organizations/${id()}`, undefined],
      ['PATCH /organizations/:id', 'patch', () => `/organizations/${id()}`, { plan: 'enterprise' }],
      ['POST /organizations/:id/suspend', 'post', () => `/organizations/${id()}/suspend`, { reason: 'Tentativa indevida' }],
      ['POST /organizations/:id/reactivate', 'post', () => `/organizations/${id()}/reactivate`, undefined],
      ['POST /organizations', 'post', () => '/organizations', newOrganization()],
    ];

    describe.each(['admin', 'secretary', 'viewer'] as const)('a clinic %s', (role) => {
      it.each(platformRoutes(() => target.organizationId))('should get 403 FORBIDDEN on %s', async (_route, method, path, body) => {
        const response = await call(method, path(), sessions[role], body).expect(403);
        expect(response.body.code).toBe('FORBIDDEN');
      });

      it.each(platformRoutes(() => clinic.organizationId))('should get 403 on %s of its own organization too', async (_route, method, path, body) => {
        await call(method, path(), sessions[role], body).expect(403);
      });
    });

    it('should have changed nothing', async () => {
      expect((await call('get', `/organizations/${target.organizationId}`, superAdmin).expect(200)).body).toMatchObject({ status: 'active', plan: 'professional' });
      expect((await call('get', `/organizations/${clinic.organizationId}`, superAdmin).expect(200)).body).toMatchObject({ status: 'active', plan: 'professional' });
    });

    it.each([
      ...platformRoutes(() => target.organizationId),
      ['GET /organizations/me', 'get', () => '/organizations/me', undefined],
      ['PATCH /organizations/me', 'patch', () => '/organizations/me', { name: 'Sem Token' }],
      ['GET /plans', 'get', () => '/plans', undefined],
    ] as Array<[string, Method, () => string, object | undefined]>)('should answer 401 UNAUTHENTICATED on %s without a token', async (_route, method, path, body) => {
      const response = await call(method, path(), undefined, body).expect(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('/organizations/me', () => {
    let clinic: Clinic;
    const sessions = {} as Record<Role, Session>;

    beforeAll(async () => {
      clinic = await createClinic(app, { plan: 'starter' });
      sessions.admin = clinic.admin;
      sessions.secretary = await createMember(app, clinic.admin, 'secretary');
      sessions.viewer = await createMember(app, clinic.admin, 'viewer');
    });

    it.each(['admin', 'secretary', 'viewer'] as const)('should let a %s read their own organization with its plan limits', async (role) => {
      const response = await call('get', '/organizations/me', sessions[role]).expect(200);
      expect(response.body).toMatchObject({ id: clinic.organizationId, plan: 'starter', status: 'active', limits: { max_users: 5, max_whatsapp_numbers: 1 } });
    });

    it('should let the admin change name, timezone and locale', async () => {
      const name = `Clínica Renomeada ${tag()}`;
      const response = await call('patch', '/organizations/me', sessions.admin, { name, timezone: 'Europe/Lisbon', locale: 'es-ES' }).expect(200);
      expect(response.body).toMatchObject({ id: clinic.organizationId, name, timezone: 'Europe/Lisbon', locale: 'es-ES', plan: 'starter' });
      const persisted = await call('get', '/organizations/me', sessions.viewer).expect(200);
      expect(persisted.body).toMatchObject({ name, timezone: 'Europe/Lisbon', locale: 'es-ES' });
    });

    it.each(['secretary', 'viewer'] as const)('should refuse a %s with 403', async (role) => {
      const response = await call('patch', '/organizations/me', sessions[role], { name: 'Nome Proibido' }).expect(403);
      expect(response.body.code).toBe('FORBIDDEN');
    });

    it.each([
      ['a plan (only the platform changes plans)', { plan: 'enterprise' }, 'plan'],
      ['an invalid time zone', { timezone: 'Nowhere/City' }, 'timezone'],
      ['an unsupported locale', { locale: 'fr-FR' }, 'locale'],
      ['a too short name', { name: 'A' }, 'name'],
      ['a status', { status: 'suspended' }, 'status'],
    ])('should answer 400 VALIDATION_FAILED for %s and change nothing', async (_case, body, field) => {
      const before = (await call('get', '/organizations/me', sessions.admin).expect(200)).body;
      const response = await call('patch', '/organizations/me', sessions.admin, body).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect((await call('get', '/organizations/me', sessions.admin).expect(200)).body).toEqual(before);
    });

    it('should only ever show a clinic its own organization', async () => {
      const other = await createClinic(app);
      const mine = await call('get', '/organizations/me', other.admin).expect(200);
      expect(mine.body.id).toBe(other.organizationId);
      expect(mine.body.id).not.toBe(clinic.organizationId);
      await call('get', `/organizations/${clinic.organizationId}`, other.admin).expect(403);
      const renamed = `Outra ${tag()}`;
      await call('patch', '/organizations/me', other.admin, { name: renamed }).expect(200);
      expect((await call('get', '/organizations/me', clinic.admin).expect(200)).body.name).not.toBe(renamed);
    });
  });

  describe('GET /plans', () => {
    it.each(['super_admin', 'admin', 'secretary', 'viewer'] as const)('should list the four plans with their limits for a %s', async (role) => {
      const session = role === 'super_admin' ? superAdmin : role === 'admin' ? (await createClinic(app)).admin : await createMember(app, (await createClinic(app)).admin, role);
      const response = await call('get', '/plans', session).expect(200);
      expect(response.body.map((plan: { code: string }) => plan.code)).toEqual(['free', 'starter', 'professional', 'enterprise']);
      expect(response.body[0]).toEqual({ code: 'free', name: 'Free', limits: { max_users: 3, max_whatsapp_numbers: 1, monthly_inbound_messages: 500, monthly_ai_tokens: 100000 } });
      expect(response.body[3].limits).toEqual({ max_users: null, max_whatsapp_numbers: null, monthly_inbound_messages: null, monthly_ai_tokens: null });
    });
  });
});
