import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer, http, PREFIX, Session, TEST_PASSWORD, uniqueEmail } from '../support/api';
import { createTestApp } from '../support/create-test-app';
import { createClinic } from '../support/factories';
import { loadTestRun } from '../support/test-run';

const LOGIN_LIMIT = 5;
const ORG_LIMIT = 20;

// Every call is a new client: counters live in this run's own key space, so a sequence never collides.
let clients = 0;
function clientIp(): string {
  clients += 1;
  return `198.51.${100 + Math.floor(clients / 250)}.${(clients % 250) + 1}`;
}

describe('Throttling (Redis-backed, shared across processes)', () => {
  let app: NestFastifyApplication;
  let secondProcess: NestFastifyApplication;
  // Clinics are set up through an app with the default limits, so setting up never spends a budget.
  let setupApp: NestFastifyApplication;
  // The throttled apps count in their own key space: a block they set must not leak into other suites.
  const env = {
    REDIS_KEY_PREFIX: `${loadTestRun().redisKeyPrefix}-throttled`,
    THROTTLE_LOGIN_LIMIT_PER_MINUTE: String(LOGIN_LIMIT),
    THROTTLE_ORG_LIMIT_PER_MINUTE: String(ORG_LIMIT),
    THROTTLE_REGISTER_LIMIT_PER_HOUR: '3',
    TRUST_PROXY: 'true',
  };

  beforeAll(async () => {
    app = await createTestApp(env);
    secondProcess = await createTestApp(env);
    setupApp = await createTestApp();
  });

  afterAll(async () => {
    await Promise.all([app.close(), secondProcess.close(), setupApp.close()]);
  });

  const attemptLogin = (target: NestFastifyApplication, email: string, ip: string) =>
    http(target).post(`${PREFIX}/auth/login`).set('X-Forwarded-For', ip).send({ email, password: 'wrong-password-123' });

  it('should allow 5 login attempts a minute per IP, then answer 429 with Retry-After and rate-limit headers', async () => {
    const ip = clientIp();
    for (let attempt = 1; attempt <= LOGIN_LIMIT; attempt += 1) {
      const response = await attemptLogin(app, uniqueEmail('ip'), ip);
      expect(response.status).toBe(401);
      expect(Number(response.headers['x-ratelimit-limit'])).toBe(LOGIN_LIMIT);
      expect(Number(response.headers['x-ratelimit-remaining'])).toBe(LOGIN_LIMIT - attempt);
      expect(Number(response.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
    }
    const blocked = await attemptLogin(app, uniqueEmail('ip'), ip);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['x-ratelimit-remaining']).toBe('0');
    // Another client is not affected.
    expect((await attemptLogin(app, uniqueEmail('ip'), clientIp())).status).toBe(401);
  });

  it('should limit attempts per email even when the IP changes every time', async () => {
    const email = uniqueEmail('target');
    for (let attempt = 1; attempt <= LOGIN_LIMIT; attempt += 1) {
      expect((await attemptLogin(app, email, clientIp())).status).toBe(401);
    }
    const blocked = await attemptLogin(app, email.toUpperCase(), clientIp());
    expect(blocked.status).toBe(429);
  });

  it('should share the login budget across API processes', async () => {
    const ip = clientIp();
    for (let attempt = 1; attempt <= LOGIN_LIMIT; attempt += 1) {
      const target = attempt % 2 === 0 ? app : secondProcess;
      expect((await attemptLogin(target, uniqueEmail('shared'), ip)).status).toBe(401);
    }
    expect((await attemptLogin(secondProcess, uniqueEmail('shared'), ip)).status).toBe(429);
    expect((await attemptLogin(app, uniqueEmail('shared'), ip)).status).toBe(429);
  });

  it('should limit each organization’s API budget across processes, without touching other organizations', async () => {
    const clinicA = await createClinic(setupApp);
    const clinicB = await createClinic(setupApp);
    const me = (target: NestFastifyApplication, session: Session) => http(target).get(`${PREFIX}/users/me`).set(...bearer(session));
    for (let request = 1; request <= ORG_LIMIT; request += 1) {
      const response = await me(request % 2 === 0 ? app : secondProcess, clinicA.admin);
      expect(response.status).toBe(200);
      expect(Number(response.headers['x-ratelimit-remaining'])).toBe(ORG_LIMIT - request);
    }
    const blocked = await me(app, clinicA.admin);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await me(app, clinicB.admin)).status).toBe(200);
  });

  it('should throttle self-service registration per IP', async () => {
    const ip = clientIp();
    const register = () =>
      http(app)
        .post(`${PREFIX}/auth/register`)
        .set('X-Forwarded-For', ip)
        .send({ organization_name: 'Clínica Limite', name: 'Dono', email: uniqueEmail('owner'), password: TEST_PASSWORD });
    for (let attempt = 1; attempt <= 3; attempt += 1) expect((await register()).status).toBe(201);
    const blocked = await register();
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
  });
});
