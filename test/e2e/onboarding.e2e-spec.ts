import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer, http, login, loginSuperAdmin, PREFIX, Session, TEST_PASSWORD, uniqueEmail } from '../support/api';
import { withTestApp } from '../support/create-test-app';

describe('POST /auth/register (self-service onboarding)', () => {
  let app: NestFastifyApplication;

  withTestApp((created) => (app = created));

  const registration = (overrides: Record<string, unknown> = {}) => ({
    name: 'Dra. Nova Cadastro',
    email: uniqueEmail('register'),
    password: TEST_PASSWORD,
    organization_name: `Clínica ${randomUUID().slice(0, 8)}`,
    ...overrides,
  });
  const register = (body: object) => http(app).post(`${PREFIX}/auth/register`).send(body);
  const get = (path: string, session: Pick<Session, 'accessToken'>) => http(app).get(`${PREFIX}${path}`).set(...bearer(session));

  it('should create a free clinic with its admin and log the admin in', async () => {
    const body = registration();
    const response = await register(body).expect(201);
    expect(response.body).toMatchObject({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
      user: { name: body.name, email: body.email, role: 'admin', is_active: true },
      organization: { name: body.organization_name, plan: 'free', status: 'active', limits: { max_users: 3 }, timezone: 'America/Sao_Paulo', locale: 'pt-BR' },
    });
    expect(response.body.user.organization_id).toBe(response.body.organization.id);
    expect(response.body.user).not.toHaveProperty('password_hash');

    const session = { accessToken: response.body.access_token as string };
    expect((await get('/users/me', session).expect(200)).body).toMatchObject({ id: response.body.user.id, role: 'admin' });
    expect((await get('/organizations/me', session).expect(200)).body).toMatchObject({ id: response.body.organization.id, plan: 'free' });
    await http(app).post(`${PREFIX}/auth/refresh`).send({ refresh_token: response.body.refresh_token }).expect(200);
    await login(app, body.email, TEST_PASSWORD);
  });

  it('should keep the chosen timezone and locale', async () => {
    const response = await register(registration({ timezone: 'America/Recife', locale: 'en-US' })).expect(201);
    expect(response.body.organization).toMatchObject({ timezone: 'America/Recife', locale: 'en-US', plan: 'free' });
  });

  it('should store the email in lower case and refuse it again in any case with 409 USER_EMAIL_TAKEN', async () => {
    const email = uniqueEmail('Caixa.Alta').replace('@test', '@Test');
    const first = await register(registration({ email: `  ${email.toUpperCase()}  ` })).expect(201);
    expect(first.body.user.email).toBe(email.toLowerCase());
    await login(app, email.toLowerCase(), TEST_PASSWORD);

    const organizationName = `Clínica Duplicada ${randomUUID().slice(0, 8)}`;
    const second = await register(registration({ email, organization_name: organizationName })).expect(409);
    expect(second.body).toMatchObject({ statusCode: 409, code: 'USER_EMAIL_TAKEN', requestId: expect.any(String) });
    // The clinic is created in the same transaction as its admin, so the refused one must not exist.
    const superAdmin = await loginSuperAdmin(app);
    const leftovers = await get(`/organizations?search=${encodeURIComponent(organizationName)}`, superAdmin).expect(200);
    expect(leftovers.body).toMatchObject({ items: [], total: 0 });
    const owner = await login(app, email, TEST_PASSWORD);
    expect(owner.organizationId).toBe(first.body.organization.id);
  });

  it.each([
    ['shorter than 10 characters', () => ({ password: 'curta123' })],
    ['equal to the email', () => {
      const email = uniqueEmail('igual');
      return { email, password: email };
    }],
    ['equal to the email’s local part', () => {
      const email = uniqueEmail('local-part-long');
      return { email, password: email.split('@')[0] };
    }],
  ])('should answer 400 USER_WEAK_PASSWORD for a password %s', async (_case, overrides) => {
    const body = registration(overrides());
    const response = await register(body).expect(400);
    expect(response.body.code).toBe('USER_WEAK_PASSWORD');
    expect(response.body.details).toMatchObject({ field: 'password' });
    // Nothing was created: the email is still free.
    await register({ ...body, password: TEST_PASSWORD }).expect(201);
  });

  it.each([
    ['no organization_name', { organization_name: undefined }, 'organization_name'],
    ['a too short organization_name', { organization_name: ' A ' }, 'organization_name'],
    ['a bad email', { email: 'nao-e-email' }, 'email'],
    ['no password', { password: undefined }, 'password'],
    ['an invalid time zone', { timezone: 'Mars/Base' }, 'timezone'],
    ['an unsupported locale', { locale: 'fr-FR' }, 'locale'],
    ['a plan (always free)', { plan: 'enterprise' }, 'plan'],
    ['a role', { role: 'super_admin' }, 'role'],
    ['an organization_id', { organization_id: '00000000-0000-4000-8000-000000000000' }, 'organization_id'],
  ])('should answer 400 VALIDATION_FAILED for %s', async (_case, overrides, field) => {
    const response = await register(registration(overrides)).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', requestId: expect.any(String) });
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('should answer 400 INVALID_JSON for a malformed body', async () => {
    const response = await http(app).post(`${PREFIX}/auth/register`).set('Content-Type', 'application/json').send('{"name": "Ana", "email":');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'INVALID_JSON', requestId: expect.any(String) });
  });

  it('should need no token, and ignore an invalid one', async () => {
    await http(app).post(`${PREFIX}/auth/register`).set('Authorization', 'Bearer not-a-jwt').send(registration()).expect(201);
  });

  it('should cap the free plan at 3 users: the 3rd added user is refused with 403 PLAN_LIMIT_REACHED', async () => {
    const response = await register(registration()).expect(201);
    const admin = { accessToken: response.body.access_token as string };
    const addUser = (role: string) =>
      http(app).post(`${PREFIX}/users`).set(...bearer(admin)).send({ name: `Pessoa ${role}`, email: uniqueEmail(role), password: TEST_PASSWORD, role });

    await addUser('secretary').expect(201);
    await addUser('viewer').expect(201);
    const refused = await addUser('secretary').expect(403);
    expect(refused.body).toMatchObject({ code: 'PLAN_LIMIT_REACHED', details: { limit: 'maxUsers', max: 3, current: 3, plan: 'free' } });
    const users = await get('/users', admin).expect(200);
    expect(users.body.total).toBe(3);
  });
});
