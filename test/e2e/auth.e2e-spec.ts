import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer, http, login, PREFIX, Session, TEST_PASSWORD } from '../support/api';
import { createTestApp } from '../support/create-test-app';
import { createClinic, createMember } from '../support/factories';

describe('Auth: login, refresh rotation, logout', () => {
  let app: NestFastifyApplication;
  let admin: Session;

  beforeAll(async () => {
    app = await createTestApp();
    ({ admin } = await createClinic(app));
  });

  afterAll(async () => {
    await app.close();
  });

  const me = (session: Pick<Session, 'accessToken'>) => http(app).get(`${PREFIX}/users/me`).set(...bearer(session));
  const refresh = (refreshToken: string) => http(app).post(`${PREFIX}/auth/refresh`).send({ refresh_token: refreshToken });

  describe('POST /auth/login', () => {
    it('should return a 15-minute access JWT with jti, sub, org and role, and an opaque refresh token', async () => {
      const secretary = await createMember(app, admin, 'secretary');
      const response = await http(app).post(`${PREFIX}/auth/login`).send({ email: secretary.email.toUpperCase(), password: TEST_PASSWORD }).expect(200);
      expect(response.body).toMatchObject({ token_type: 'Bearer', expires_in: 900, user: { id: secretary.userId, role: 'secretary' } });
      expect(response.body.refresh_token).toMatch(/^rt_[A-Za-z0-9_-]{40,}$/);
      const claims = JSON.parse(Buffer.from(response.body.access_token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
      expect(claims).toMatchObject({ sub: secretary.userId, org: secretary.organizationId, role: 'secretary', jti: expect.any(String) });
      expect((claims.exp as number) - (claims.iat as number)).toBe(900);
      expect(new Date(response.body.refresh_expires_at).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    });

    it('should answer a wrong password and an unknown email alike with 401 AUTH_INVALID_CREDENTIALS', async () => {
      const wrong = await http(app).post(`${PREFIX}/auth/login`).send({ email: admin.email, password: 'wrong-password-123' });
      const unknown = await http(app).post(`${PREFIX}/auth/login`).send({ email: 'nobody-here@test.robbot.dev', password: 'wrong-password-123' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.code).toBe('AUTH_INVALID_CREDENTIALS');
      expect(unknown.body.message).toBe(wrong.body.message);
    });

    it('should validate the body', async () => {
      const response = await http(app).post(`${PREFIX}/auth/login`).send({ email: 'not-an-email' });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('POST /auth/refresh', () => {
    it('should rotate: the new pair works and the old refresh token is spent', async () => {
      const session = await login(app, admin.email, TEST_PASSWORD);
      const rotated = await refresh(session.refreshToken).expect(200);
      expect(rotated.body.refresh_token).not.toBe(session.refreshToken);
      await me({ accessToken: rotated.body.access_token }).expect(200);
      const second = await refresh(rotated.body.refresh_token).expect(200);
      await me({ accessToken: second.body.access_token }).expect(200);
    });

    it('should revoke the whole family when a rotated token is presented again', async () => {
      const session = await login(app, admin.email, TEST_PASSWORD);
      const legit = await refresh(session.refreshToken).expect(200);
      await me({ accessToken: legit.body.access_token }).expect(200);
      const reuse = await refresh(session.refreshToken);
      expect(reuse.status).toBe(401);
      expect(reuse.body.code).toBe('AUTH_REFRESH_TOKEN_REUSED');
      // The thief's replay also kills the legitimate holder's current token.
      const afterReuse = await refresh(legit.body.refresh_token);
      expect(afterReuse.status).toBe(401);
      expect(afterReuse.body.code).toBe('AUTH_INVALID_REFRESH_TOKEN');
      // Access tokens already minted in that session stop too, not only the refresh tokens.
      await me({ accessToken: legit.body.access_token }).expect(401);
      await me(session).expect(401);
      const audit = await http(app).get(`${PREFIX}/audit-logs`).query({ action: 'auth.refresh_reuse_detected', actor_id: admin.userId }).set(...bearer(admin)).expect(200);
      expect(audit.body.total).toBeGreaterThanOrEqual(1);
    });

    it('should leave other sessions alone when one family is revoked', async () => {
      const stolen = await login(app, admin.email, TEST_PASSWORD);
      const other = await login(app, admin.email, TEST_PASSWORD);
      await refresh(stolen.refreshToken).expect(200);
      await refresh(stolen.refreshToken).expect(401);
      await refresh(other.refreshToken).expect(200);
    });

    it('should let only one of two concurrent uses of a token succeed', async () => {
      const session = await login(app, admin.email, TEST_PASSWORD);
      const results = await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)]);
      expect(results.map((result) => result.status).sort()).toEqual([200, 401]);
    });

    it('should answer an unknown or malformed refresh token with 401 or 400', async () => {
      expect((await refresh('rt_this-token-was-never-issued-by-us-000000000')).status).toBe(401);
      expect((await http(app).post(`${PREFIX}/auth/refresh`).send({})).status).toBe(400);
    });
  });

  describe('POST /auth/logout', () => {
    it('should revoke the access token and the refresh token’s session', async () => {
      const session = await login(app, admin.email, TEST_PASSWORD);
      await me(session).expect(200);
      await http(app).post(`${PREFIX}/auth/logout`).set(...bearer(session)).send({ refresh_token: session.refreshToken }).expect(204);
      const after = await me(session);
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('AUTH_SESSION_REVOKED');
      await refresh(session.refreshToken).expect(401);
    });

    it('should end the current session even without a refresh token in the body', async () => {
      const session = await login(app, admin.email, TEST_PASSWORD);
      const rotated = await refresh(session.refreshToken).expect(200);
      await http(app).post(`${PREFIX}/auth/logout`).set(...bearer({ accessToken: rotated.body.access_token })).send({}).expect(204);
      await me({ accessToken: rotated.body.access_token }).expect(401);
      await refresh(rotated.body.refresh_token).expect(401);
    });

    it('should not end the user’s other sessions', async () => {
      const first = await login(app, admin.email, TEST_PASSWORD);
      const second = await login(app, admin.email, TEST_PASSWORD);
      await http(app).post(`${PREFIX}/auth/logout`).set(...bearer(first)).send({ refresh_token: first.refreshToken }).expect(204);
      await me(second).expect(200);
      await refresh(second.refreshToken).expect(200);
    });

    it('should not let a user revoke someone else’s session with their refresh token', async () => {
      const victim = await createMember(app, admin, 'secretary');
      const attacker = await createMember(app, admin, 'viewer');
      await http(app).post(`${PREFIX}/auth/logout`).set(...bearer(attacker)).send({ refresh_token: victim.refreshToken }).expect(204);
      await refresh(victim.refreshToken).expect(200);
    });

    it('should require a token', async () => {
      await http(app).post(`${PREFIX}/auth/logout`).send({}).expect(401);
    });
  });

  describe('POST /auth/logout-all', () => {
    it('should end every session of the user, and only theirs', async () => {
      const user = await createMember(app, admin, 'secretary');
      const laptop = await login(app, user.email, TEST_PASSWORD);
      const phone = await login(app, user.email, TEST_PASSWORD);
      await http(app).post(`${PREFIX}/auth/logout-all`).set(...bearer(laptop)).expect(204);
      for (const session of [user, laptop, phone]) {
        await me(session).expect(401);
        await refresh(session.refreshToken).expect(401);
      }
      await me(admin).expect(200);
      const fresh = await login(app, user.email, TEST_PASSWORD);
      await me(fresh).expect(200);
    });
  });

  describe('lock-out at the next request', () => {
    it('should lock out a deactivated user at once, access and refresh', async () => {
      const user = await createMember(app, admin, 'viewer');
      await me(user).expect(200);
      await http(app).patch(`${PREFIX}/users/${user.userId}`).set(...bearer(admin)).send({ is_active: false }).expect(200);
      await me(user).expect(401);
      await refresh(user.refreshToken).expect(401);
      const relogin = await http(app).post(`${PREFIX}/auth/login`).send({ email: user.email, password: TEST_PASSWORD });
      expect(relogin.status).toBe(401);
      expect(relogin.body.code).toBe('AUTH_ACCOUNT_DISABLED');
    });

    it('should apply a role change at the next request', async () => {
      const user = await createMember(app, admin, 'viewer');
      await http(app).get(`${PREFIX}/users`).set(...bearer(user)).expect(200);
      await http(app).patch(`${PREFIX}/users/${user.userId}`).set(...bearer(admin)).send({ role: 'secretary' }).expect(200);
      await http(app).get(`${PREFIX}/users`).set(...bearer(user)).expect(403);
    });

    it('should lock out every session after a password change, except the new pair', async () => {
      const user = await createMember(app, admin, 'secretary');
      const other = await login(app, user.email, TEST_PASSWORD);
      const changed = await http(app)
        .post(`${PREFIX}/users/me/password`)
        .set(...bearer(user))
        .send({ current_password: TEST_PASSWORD, new_password: 'uma senha nova e longa' })
        .expect(200);
      await me(user).expect(401);
      await me(other).expect(401);
      await refresh(other.refreshToken).expect(401);
      await me({ accessToken: changed.body.access_token }).expect(200);
      await refresh(changed.body.refresh_token).expect(200);
    });
  });
});
