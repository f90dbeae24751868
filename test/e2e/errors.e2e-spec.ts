import { JwtService } from '@nestjs/jwt';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer, http, PREFIX, Session } from '../support/api';
import { createTestApp } from '../support/create-test-app';
import { createClinic, createMember } from '../support/factories';

const ERROR_SHAPE = { statusCode: expect.any(Number), code: expect.any(String), message: expect.any(String), requestId: expect.any(String) };

describe('Bad input and the error shape', () => {
  let app: NestFastifyApplication;
  let admin: Session;
  let viewer: Session;

  beforeAll(async () => {
    app = await createTestApp();
    ({ admin } = await createClinic(app));
    viewer = await createMember(app, admin, 'viewer');
  });

  afterAll(async () => {
    await app.close();
  });

  it('should answer malformed JSON with 400 INVALID_JSON', async () => {
    const response = await http(app).post(`${PREFIX}/users`).set(...bearer(admin)).set('Content-Type', 'application/json').send('{"name": "Ana",');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ ...ERROR_SHAPE, code: 'INVALID_JSON' });
  });

  it('should answer an empty JSON body with 400 INVALID_JSON', async () => {
    const response = await http(app).post(`${PREFIX}/auth/login`).set('Content-Type', 'application/json').send('');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('INVALID_JSON');
  });

  it('should answer unknown and invalid fields with 400 VALIDATION_FAILED and per-field details', async () => {
    const response = await http(app).post(`${PREFIX}/users`).set(...bearer(admin)).send({ name: 'A', email: 'not-an-email', role: 'admin', password: 'x'.repeat(12), hacker: true });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const fields = (response.body.details as Array<{ field: string }>).map((detail) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'email', 'hacker']));
  });

  it('should refuse organization_id in a body, since the organization comes from the token', async () => {
    const response = await http(app).patch(`${PREFIX}/users/me`).set(...bearer(admin)).send({ organization_id: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'organization_id', errors: ['property organization_id should not exist'] }]);
  });

  it('should answer a body over 1 MB with 413', async () => {
    const response = await http(app).post(`${PREFIX}/auth/login`).set('Content-Type', 'application/json').send(JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(1_100_000) }));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ ...ERROR_SHAPE, code: 'PAYLOAD_TOO_LARGE' });
  });

  it.each(['text/plain', 'application/xml', 'application/x-www-form-urlencoded'])('should answer content type %s with 415', async (contentType) => {
    const response = await http(app).post(`${PREFIX}/auth/login`).set('Content-Type', contentType).send('email=a@b.co');
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ ...ERROR_SHAPE, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('should answer a malformed uuid in a path with 400 VALIDATION_FAILED', async () => {
    const response = await http(app).get(`${PREFIX}/users/not-a-uuid`).set(...bearer(admin));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'id', errors: ['id must be a UUID'] }] });
  });

  it('should answer a missing token with 401 UNAUTHENTICATED', async () => {
    const response = await http(app).get(`${PREFIX}/users/me`);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ ...ERROR_SHAPE, code: 'UNAUTHENTICATED' });
  });

  it('should answer a tampered token with 401', async () => {
    const [header, payload, signature] = admin.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'super_admin' })).toString('base64url');
    const response = await http(app).get(`${PREFIX}/organizations`).set('Authorization', `Bearer ${header}.${forged}.${signature}`);
    expect(response.status).toBe(401);
  });

  it('should answer a token signed with another secret with 401', async () => {
    const token = new JwtService({ secret: 'another-secret-another-secret-another-secret' }).sign({ sub: admin.userId, org: admin.organizationId, role: 'admin', jti: 'x', ver: 0 }, { issuer: 'robbot' });
    const response = await http(app).get(`${PREFIX}/users/me`).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(401);
  });

  it('should answer an expired token with 401 and say it expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = new JwtService({ secret: process.env.JWT_ACCESS_SECRET }).sign(
      { sub: admin.userId, org: admin.organizationId, role: 'admin', jti: 'expired-jti', ver: 0, iat: now - 3600, exp: now - 60 },
      { issuer: 'robbot' },
    );
    const response = await http(app).get(`${PREFIX}/users/me`).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Access token expired' });
  });

  it('should answer a role without the permission with 403 FORBIDDEN', async () => {
    const response = await http(app).post(`${PREFIX}/users`).set(...bearer(viewer)).send({ name: 'Ana', email: 'ana@x.co', role: 'viewer', password: 'x'.repeat(12) });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ ...ERROR_SHAPE, code: 'FORBIDDEN' });
  });

  it('should answer an unknown route with 404 NOT_FOUND in the error shape', async () => {
    const response = await http(app).get(`${PREFIX}/no-such-route`).set(...bearer(admin));
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ ...ERROR_SHAPE, code: 'NOT_FOUND' });
  });

  it('should echo a sane X-Request-Id in the header and the error body', async () => {
    const response = await http(app).get(`${PREFIX}/users/me`).set('X-Request-Id', 'trace-abc_123');
    expect(response.headers['x-request-id']).toBe('trace-abc_123');
    expect(response.body.requestId).toBe('trace-abc_123');
  });

  it('should replace an unsafe X-Request-Id with a generated uuid', async () => {
    const response = await http(app).get(`${PREFIX}/users/me`).set('X-Request-Id', 'bad id; drop table');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
  });

  it('should generate a request id when none is sent, on success too', async () => {
    const response = await http(app).get(`${PREFIX}/users/me`).set(...bearer(admin)).expect(200);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should send the security headers and allow only configured CORS origins', async () => {
    const allowed = await http(app).get(`${PREFIX}/health`).set('Origin', 'http://localhost:5173');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(allowed.headers['x-content-type-options']).toBe('nosniff');
    expect(allowed.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    const other = await http(app).get(`${PREFIX}/health`).set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('should serve Swagger UI and the OpenAPI document with bearer auth and the error shape', async () => {
    const ui = await http(app).get('/docs').expect(200);
    expect(ui.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    const document = (await http(app).get('/docs-json').expect(200)).body as {
      components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
      paths: Record<string, unknown>;
    };
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.schemas.ErrorResponseDto).toBeDefined();
    expect(document.paths['/api/v1/users/{id}']).toBeDefined();
  });
});
