import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { authConfig } from 'src/config/auth.config';

export const PREFIX = '/api/v1';
export const TEST_PASSWORD = 'senha-de-teste-segura';

export function http(app: NestFastifyApplication): TestAgent {
  return request(app.getHttpServer());
}

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@test.robbot.dev`;
}

export interface Session {
  userId: string;
  organizationId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  role: string;
}

export async function login(app: NestFastifyApplication, email: string, password: string): Promise<Session> {
  const response = await http(app).post(`${PREFIX}/auth/login`).send({ email, password });
  if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  const body = response.body as { access_token: string; refresh_token: string; user: { id: string; organization_id: string; role: string } };
  return {
    userId: body.user.id,
    organizationId: body.user.organization_id,
    email,
    password,
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    role: body.user.role,
  };
}

export function loginSuperAdmin(app: NestFastifyApplication): Promise<Session> {
  const config = authConfig();
  return login(app, config.superAdminEmail, config.superAdminPassword);
}

export function bearer(session: Pick<Session, 'accessToken'>): [string, string] {
  return ['Authorization', `Bearer ${session.accessToken}`];
}
