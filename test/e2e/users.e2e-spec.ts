import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Response, Test } from 'supertest';
import { bearer, http, login, PREFIX, Session, TEST_PASSWORD, uniqueEmail } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createClinic, createMember } from '../support/factories';

const USERS = `${PREFIX}/users`;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface UserBody {
  id: string;
  name: string;
  email: string;
  role: string;
  is_active: boolean;
}

function idsOf(response: Response): string[] {
  return (response.body.items as UserBody[]).map((user) => user.id);
}

describe('Users (e2e)', () => {
  let app: NestFastifyApplication;

  withTestApp((created) => (app = created));

  function addUser(admin: Session, fields: Record<string, unknown> = {}): Test {
    return http(app)
      .post(USERS)
      .set(...bearer(admin))
      .send({ name: 'Maria Teste', email: uniqueEmail('user'), password: TEST_PASSWORD, role: 'secretary', ...fields });
  }

  async function addUserOk(admin: Session, fields: Record<string, unknown> = {}): Promise<UserBody> {
    const response = await addUser(admin, fields);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response.body as UserBody;
  }

  function getMe(session: Pick<Session, 'accessToken'>): Test {
    return http(app).get(`${USERS}/me`).set(...bearer(session));
  }

  function patchUser(admin: Session, id: string, body: Record<string, unknown>): Test {
    return http(app).patch(`${USERS}/${id}`).set(...bearer(admin)).send(body);
  }

  describe('POST /users', () => {
    it('should create a user and answer its public fields with the email lower-cased', async () => {
      const { organizationId, admin } = await createClinic(app);
      const email = uniqueEmail('Ana.Souza').toUpperCase();
      const response = await addUser(admin, { name: '  Ana Souza ', email, role: 'viewer' }).expect(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        organization_id: organizationId,
        name: 'Ana Souza',
        email: email.toLowerCase(),
        role: 'viewer',
        is_active: true,
        last_login_at: null,
        created_at: expect.stringMatching(ISO_DATE),
        updated_at: expect.stringMatching(ISO_DATE),
      });
    });

    it('should answer 400 VALIDATION_FAILED naming each missing field', async () => {
      const { admin } = await createClinic(app);
      const response = await http(app).post(USERS).set(...bearer(admin)).send({});
      expectInvalidFields(response, ['name', 'email', 'password', 'role']);
    });

    it('should refuse an organization_id in the body, since the organization comes from the token', async () => {
      const { admin } = await createClinic(app);
      const other = await createClinic(app);
      const response = await addUser(admin, { organization_id: other.organizationId });
      expectInvalidFields(response, ['organization_id']);
    });

    it('should refuse super_admin as a role', async () => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await addUser(admin, { role: 'super_admin' }), ['role']);
    });

    it('should refuse a malformed email', async () => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await addUser(admin, { email: 'not-an-email' }), ['email']);
    });

    it('should answer 400 USER_WEAK_PASSWORD for a password shorter than 10 characters', async () => {
      const { admin } = await createClinic(app);
      expectError(await addUser(admin, { password: 'curta123' }), 400, 'USER_WEAK_PASSWORD');
    });

    it('should answer 400 USER_WEAK_PASSWORD when the password is the email', async () => {
      const { admin } = await createClinic(app);
      const email = uniqueEmail('same');
      expectError(await addUser(admin, { email, password: email }), 400, 'USER_WEAK_PASSWORD');
    });

    it('should answer 409 USER_EMAIL_TAKEN for an email already used in another case', async () => {
      const { admin } = await createClinic(app);
      const email = uniqueEmail('dup');
      await addUserOk(admin, { email });
      expectError(await addUser(admin, { email: email.toUpperCase() }), 409, 'USER_EMAIL_TAKEN');
    });

    it('should answer 403 PLAN_LIMIT_REACHED once the free plan has its 3 users', async () => {
      const { admin } = await createClinic(app, { plan: 'free' });
      await addUserOk(admin);
      await addUserOk(admin);
      const response = await addUser(admin);
      expectError(response, 403, 'PLAN_LIMIT_REACHED');
      expect(response.body.details).toMatchObject({ limit: 'maxUsers', max: 3 });
    });
  });

  describe('GET /users', () => {
    /** A fresh clinic with five users whose names sort in creation order. */
    async function roster(): Promise<{ admin: Session; users: Record<string, UserBody> }> {
      const { admin } = await createClinic(app);
      const users = {
        beatriz: await addUserOk(admin, { name: 'Beatriz Almeida', role: 'secretary' }),
        carlos: await addUserOk(admin, { name: 'Carlos Pereira', email: uniqueEmail('carlos.xq'), role: 'viewer' }),
        daniela: await addUserOk(admin, { name: 'Daniela Rocha', role: 'secretary', is_active: false }),
        eduardo: await addUserOk(admin, { name: 'Eduardo Lima', role: 'admin' }),
      };
      return { admin, users };
    }

    function list(admin: Session, query: Record<string, string | number>): Test {
      return http(app).get(USERS).query(query).set(...bearer(admin));
    }

    it('should paginate with limit, answering total and pages', async () => {
      const { admin } = await roster();
      const first = await list(admin, { limit: 2 }).expect(200);
      expect(first.body).toMatchObject({ total: 5, page: 1, limit: 2, pages: 3 });
      expect(first.body.items).toHaveLength(2);
      const second = await list(admin, { limit: 2, page: 2 }).expect(200);
      const third = await list(admin, { limit: 2, page: 3 }).expect(200);
      expect(third.body.items).toHaveLength(1);
      expect(new Set([...idsOf(first), ...idsOf(second), ...idsOf(third)]).size).toBe(5);
    });

    it('should filter by role', async () => {
      const { admin, users } = await roster();
      const response = await list(admin, { role: 'secretary' }).expect(200);
      expect(response.body.total).toBe(2);
      expect(idsOf(response).sort()).toEqual([users.beatriz.id, users.daniela.id].sort());
    });

    it('should filter by is_active', async () => {
      const { admin, users } = await roster();
      const inactive = await list(admin, { is_active: 'false' }).expect(200);
      expect(idsOf(inactive)).toEqual([users.daniela.id]);
      const active = await list(admin, { is_active: 'true' }).expect(200);
      expect(active.body.total).toBe(4);
      expect(idsOf(active)).not.toContain(users.daniela.id);
    });

    it('should search part of the name or the email, ignoring case', async () => {
      const { admin, users } = await roster();
      const byName = await list(admin, { search: 'ALMEI' }).expect(200);
      expect(idsOf(byName)).toEqual([users.beatriz.id]);
      const byEmail = await list(admin, { search: users.carlos.email.slice(0, 14).toUpperCase() }).expect(200);
      expect(idsOf(byEmail)).toEqual([users.carlos.id]);
    });

    it('should sort by name ascending', async () => {
      const { admin } = await roster();
      const response = await list(admin, { sort: 'name', order: 'asc' }).expect(200);
      expect((response.body.items as UserBody[]).map((user) => user.name)).toEqual([
        'Admin Teste',
        'Beatriz Almeida',
        'Carlos Pereira',
        'Daniela Rocha',
        'Eduardo Lima',
      ]);
    });

    it.each([
      ['limit=0', { limit: 0 }, 'limit'],
      ['limit=101', { limit: 101 }, 'limit'],
      ['is_active=maybe', { is_active: 'maybe' }, 'is_active'],
      ['sort=password', { sort: 'password' }, 'sort'],
      ['an unknown parameter', { organization_id: randomUUID() }, 'organization_id'],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, query, field) => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await list(admin, query), [field]);
    });

    it('should answer an empty page past the end', async () => {
      const { admin } = await createClinic(app);
      const response = await list(admin, { page: 50 }).expect(200);
      expect(response.body).toEqual({ items: [], total: 1, page: 50, limit: 20, pages: 1 });
    });
  });

  describe('GET /users/:id', () => {
    it('should answer the user', async () => {
      const { admin } = await createClinic(app);
      const user = await addUserOk(admin);
      const response = await http(app).get(`${USERS}/${user.id}`).set(...bearer(admin)).expect(200);
      expect(response.body).toEqual(user);
    });

    it('should answer 400 VALIDATION_FAILED for a malformed id', async () => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await http(app).get(`${USERS}/not-a-uuid`).set(...bearer(admin)), ['id']);
    });

    it('should answer 404 USER_NOT_FOUND for an unknown id', async () => {
      const { admin } = await createClinic(app);
      expectError(await http(app).get(`${USERS}/${randomUUID()}`).set(...bearer(admin)), 404, 'USER_NOT_FOUND');
    });
  });

  describe('PATCH /users/:id', () => {
    it('should change name, role and active flag', async () => {
      const { admin } = await createClinic(app);
      const user = await addUserOk(admin, { role: 'secretary' });
      const response = await patchUser(admin, user.id, { name: 'Nome Novo', role: 'viewer', is_active: false }).expect(200);
      expect(response.body).toMatchObject({ id: user.id, name: 'Nome Novo', role: 'viewer', is_active: false, email: user.email });
      const read = await http(app).get(`${USERS}/${user.id}`).set(...bearer(admin)).expect(200);
      expect(read.body).toMatchObject({ name: 'Nome Novo', role: 'viewer', is_active: false });
    });

    it('should answer 409 USER_EMAIL_TAKEN when the new email belongs to someone else', async () => {
      const { admin } = await createClinic(app);
      const taken = await addUserOk(admin);
      const user = await addUserOk(admin);
      expectError(await patchUser(admin, user.id, { email: taken.email.toUpperCase() }), 409, 'USER_EMAIL_TAKEN');
    });

    it('should lock a deactivated user out at their next request and refuse their login', async () => {
      const { admin } = await createClinic(app);
      const member = await createMember(app, admin, 'secretary');
      await getMe(member).expect(200);
      await patchUser(admin, member.userId, { is_active: false }).expect(200);
      expectError(await getMe(member), 401, 'AUTH_SESSION_REVOKED');
      const relogin = await http(app).post(`${PREFIX}/auth/login`).send({ email: member.email, password: TEST_PASSWORD });
      expectError(relogin, 401, 'AUTH_ACCOUNT_DISABLED');
    });

    it('should sign the user out when an admin resets their password, and accept the new one', async () => {
      const { admin } = await createClinic(app);
      const member = await createMember(app, admin, 'viewer');
      const newPassword = 'senha-provisoria-nova';
      await patchUser(admin, member.userId, { password: newPassword }).expect(200);
      expect((await getMe(member)).status).toBe(401);
      const session = await login(app, member.email, newPassword);
      await getMe(session).expect(200);
      const old = await http(app).post(`${PREFIX}/auth/login`).send({ email: member.email, password: TEST_PASSWORD });
      expectError(old, 401, 'AUTH_INVALID_CREDENTIALS');
    });
  });

  describe('DELETE /users/:id', () => {
    it('should delete the user, hide it, end its sessions and answer 404 the second time', async () => {
      const { admin } = await createClinic(app);
      const member = await createMember(app, admin, 'secretary');
      await http(app).delete(`${USERS}/${member.userId}`).set(...bearer(admin)).expect(204);
      expectError(await http(app).get(`${USERS}/${member.userId}`).set(...bearer(admin)), 404, 'USER_NOT_FOUND');
      expect((await getMe(member)).status).toBe(401);
      expectError(await http(app).delete(`${USERS}/${member.userId}`).set(...bearer(admin)), 404, 'USER_NOT_FOUND');
    });
  });

  describe('last admin protection', () => {
    it('should refuse to delete the only admin', async () => {
      const { admin } = await createClinic(app);
      expectError(await http(app).delete(`${USERS}/${admin.userId}`).set(...bearer(admin)), 409, 'USER_LAST_ADMIN');
    });

    it('should refuse to demote the only admin', async () => {
      const { admin } = await createClinic(app);
      expectError(await patchUser(admin, admin.userId, { role: 'secretary' }), 409, 'USER_LAST_ADMIN');
    });

    it('should refuse to deactivate the only admin', async () => {
      const { admin } = await createClinic(app);
      expectError(await patchUser(admin, admin.userId, { is_active: false }), 409, 'USER_LAST_ADMIN');
      await getMe(admin).expect(200);
    });

    it('should allow demoting an admin while another active admin remains', async () => {
      const { admin } = await createClinic(app);
      const second = await createMember(app, admin, 'admin');
      const response = await patchUser(admin, admin.userId, { role: 'secretary' }).expect(200);
      expect(response.body.role).toBe('secretary');
      expectError(await patchUser(second, second.userId, { role: 'viewer' }), 409, 'USER_LAST_ADMIN');
    });
  });

  describe('cross-organization isolation', () => {
    it('should hide, and refuse to change or delete, another clinic’s users', async () => {
      const clinicA = await createClinic(app);
      const { admin: adminB } = await createClinic(app);
      const user = await addUserOk(clinicA.admin, { name: 'Paciente Interna' });
      const path = `${USERS}/${user.id}`;

      const listed = await http(app).get(USERS).query({ limit: 100 }).set(...bearer(adminB)).expect(200);
      expect(idsOf(listed)).not.toContain(user.id);
      const searched = await http(app).get(USERS).query({ search: user.email }).set(...bearer(adminB)).expect(200);
      expect(searched.body.total).toBe(0);
      expectError(await http(app).get(path).set(...bearer(adminB)), 404, 'USER_NOT_FOUND');
      expectError(await patchUser(adminB, user.id, { name: 'Invadido', role: 'admin' }), 404, 'USER_NOT_FOUND');
      expectError(await http(app).delete(path).set(...bearer(adminB)), 404, 'USER_NOT_FOUND');

      const after = await http(app).get(path).set(...bearer(clinicA.admin)).expect(200);
      expect(after.body).toEqual(user);
    });
  });

  describe('/users/me', () => {
    it.each(['admin', 'secretary', 'viewer'] as const)('should answer the caller’s own account for the %s role', async (role) => {
      const { admin } = await createClinic(app);
      const session = role === 'admin' ? admin : await createMember(app, admin, role);
      const response = await getMe(session).expect(200);
      expect(response.body).toMatchObject({ id: session.userId, email: session.email, role, is_active: true });
      expect(response.body.last_login_at).toEqual(expect.stringMatching(ISO_DATE));
    });

    it('should change the caller’s name', async () => {
      const { admin } = await createClinic(app);
      const secretary = await createMember(app, admin, 'secretary');
      const response = await http(app).patch(`${USERS}/me`).set(...bearer(secretary)).send({ name: 'Nome Próprio' }).expect(200);
      expect(response.body).toMatchObject({ id: secretary.userId, name: 'Nome Próprio', email: secretary.email });
      expect((await getMe(secretary).expect(200)).body.name).toBe('Nome Próprio');
    });

    it('should require the current password to change the email', async () => {
      const { admin } = await createClinic(app);
      const viewer = await createMember(app, admin, 'viewer');
      const email = uniqueEmail('novo');
      const patchMe = (body: Record<string, unknown>) => http(app).patch(`${USERS}/me`).set(...bearer(viewer)).send(body);
      expectError(await patchMe({ email }), 400, 'USER_WRONG_PASSWORD');
      expectError(await patchMe({ email, current_password: 'senha-errada-qualquer' }), 400, 'USER_WRONG_PASSWORD');
      expect((await getMe(viewer)).body.email).toBe(viewer.email);

      const response = await patchMe({ email, current_password: TEST_PASSWORD }).expect(200);
      expect(response.body.email).toBe(email);
      await login(app, email, TEST_PASSWORD);
    });

    it('should refuse fields a user may not change about themselves', async () => {
      const { admin } = await createClinic(app);
      const secretary = await createMember(app, admin, 'secretary');
      const response = await http(app).patch(`${USERS}/me`).set(...bearer(secretary)).send({ role: 'admin' });
      expectInvalidFields(response, ['role']);
      expect((await getMe(secretary)).body.role).toBe('secretary');
    });
  });

  describe('POST /users/me/password', () => {
    function changePassword(session: Session, body: Record<string, unknown>): Test {
      return http(app).post(`${USERS}/me/password`).set(...bearer(session)).send(body);
    }

    it('should answer 400 USER_WRONG_PASSWORD for a wrong current password', async () => {
      const { admin } = await createClinic(app);
      const member = await createMember(app, admin, 'secretary');
      const response = await changePassword(member, { current_password: 'nao-e-a-senha', new_password: 'outra-senha-bem-longa' });
      expectError(response, 400, 'USER_WRONG_PASSWORD');
      await getMe(member).expect(200);
    });

    it('should answer 400 USER_WEAK_PASSWORD for a weak new password', async () => {
      const { admin } = await createClinic(app);
      const member = await createMember(app, admin, 'viewer');
      expectError(await changePassword(member, { current_password: TEST_PASSWORD, new_password: 'curta' }), 400, 'USER_WEAK_PASSWORD');
      expectError(await changePassword(member, { current_password: TEST_PASSWORD, new_password: member.email }), 400, 'USER_WEAK_PASSWORD');
    });

    it('should change the password, end the old session and hand out a working new one', async () => {
      const { admin } = await createClinic(app);
      const member = await createMember(app, admin, 'secretary');
      const newPassword = 'minha-senha-nova-e-longa';
      const response = await changePassword(member, { current_password: TEST_PASSWORD, new_password: newPassword }).expect(200);
      expect(response.body).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), user: { id: member.userId } });
      const fresh = { accessToken: response.body.access_token as string };

      expect((await getMe(member)).status).toBe(401);
      const refresh = await http(app).post(`${PREFIX}/auth/refresh`).send({ refresh_token: member.refreshToken });
      expect(refresh.status).toBe(401);
      await getMe(fresh).expect(200);
      await login(app, member.email, newPassword);
      const old = await http(app).post(`${PREFIX}/auth/login`).send({ email: member.email, password: TEST_PASSWORD });
      expectError(old, 401, 'AUTH_INVALID_CREDENTIALS');
    });
  });

  describe('permissions', () => {
    it('should refuse a secretary both listing and creating users', async () => {
      const { admin } = await createClinic(app);
      const secretary = await createMember(app, admin, 'secretary');
      expectError(await http(app).get(USERS).set(...bearer(secretary)), 403, 'FORBIDDEN');
      expectError(await addUser(secretary), 403, 'FORBIDDEN');
    });

    it('should let a viewer list users but not create, change or delete them', async () => {
      const { admin } = await createClinic(app);
      const viewer = await createMember(app, admin, 'viewer');
      const target = await addUserOk(admin);
      await http(app).get(USERS).set(...bearer(viewer)).expect(200);
      expectError(await addUser(viewer), 403, 'FORBIDDEN');
      expectError(await patchUser(viewer, target.id, { name: 'Mudado' }), 403, 'FORBIDDEN');
      expectError(await http(app).delete(`${USERS}/${target.id}`).set(...bearer(viewer)), 403, 'FORBIDDEN');
      const after = await http(app).get(`${USERS}/${target.id}`).set(...bearer(admin)).expect(200);
      expect(after.body).toEqual(target);
    });

    it('should answer 401 without a token', async () => {
      expectError(await http(app).get(USERS), 401, 'UNAUTHENTICATED');
    });

    it('should answer 401 for a garbage token', async () => {
      expectError(await http(app).get(USERS).set('Authorization', 'Bearer not.a.jwt'), 401, 'UNAUTHENTICATED');
    });
  });
});
