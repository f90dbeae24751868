import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS_CLIENT } from 'src/common/redis/redis.module';
import { bearer, http, PREFIX } from '../support/api';
import { createTestApp } from '../support/create-test-app';
import { createClinic } from '../support/factories';

describe('GET /api/v1/health', () => {
  let app: NestFastifyApplication;

  beforeEach(async () => {
    app = await createTestApp();
  });

  afterEach(async () => {
    await app.close().catch(() => undefined);
  });

  it('should answer 200 with each check’s state and latency, without a token', async () => {
    const response = await http(app).get(`${PREFIX}/health`).expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.details.database).toEqual({ status: 'up', latency_ms: expect.any(Number) });
    expect(response.body.details.redis).toEqual({ status: 'up', latency_ms: expect.any(Number) });
  });

  it('should report WAHA down without failing the check', async () => {
    const response = await http(app).get(`${PREFIX}/health`).expect(200);
    expect(response.body.details.waha).toMatchObject({ status: 'down', latency_ms: expect.any(Number) });
  });

  it('should answer 503 when the database is down', async () => {
    await app.get(DataSource).destroy();
    const response = await http(app).get(`${PREFIX}/health`).expect(503);
    expect(response.body.status).toBe('error');
    expect(response.body.details.database.status).toBe('down');
    expect(response.body.details.redis.status).toBe('up');
  });

  it('should answer an authenticated request with 503, not 401, when Redis is down', async () => {
    const { admin } = await createClinic(app);
    app.get<Redis>(REDIS_CLIENT).disconnect();
    const response = await http(app).get(`${PREFIX}/users/me`).set(...bearer(admin));
    expect(response.status).toBe(503);
    expect(response.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(response.headers['retry-after']).toBe('5');
  });

  it('should answer 503 when Redis is down', async () => {
    app.get<Redis>(REDIS_CLIENT).disconnect();
    const response = await http(app).get(`${PREFIX}/health`).expect(503);
    expect(response.body.details.redis.status).toBe('down');
    expect(response.body.details.database.status).toBe('up');
  });
});
