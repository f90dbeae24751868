import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SecretCipher } from 'src/common/crypto/secret-cipher';
import { WhatsappSessionEntity, WhatsappSessionStatus } from 'src/modules/waha/sessions/whatsapp-session.entity';
import { http, PREFIX } from './api';
import { signWahaBody } from './fake-waha/webhook-sender';

// A copy of ../shared/fixtures/waha, so a fresh clone (CI) has them.
export const FIXTURES_DIR = join(__dirname, '..', 'fixtures', 'waha');
export const WEBHOOK_PATH = `${PREFIX}/webhooks/waha`;

export interface TestWhatsappSession {
  id: string;
  name: string;
  hmacKey: string;
  organizationId: string;
}

export function dataSourceOf(app: NestFastifyApplication): DataSource {
  return app.get<DataSource>(getDataSourceToken());
}

/**
 * A WhatsApp number of `organizationId` stored directly (as if connected and WORKING), with a known HMAC key.
 * Session names are global in WAHA, so each test gets a unique one unless it asks for a name.
 */
export async function insertWhatsappSession(
  app: NestFastifyApplication,
  organizationId: string,
  options: { name?: string; hmacKey?: string; status?: string } = {},
): Promise<TestWhatsappSession> {
  const hmacKey = options.hmacKey ?? randomBytes(24).toString('hex');
  const name = options.name ?? `test-${randomBytes(5).toString('hex')}`;
  const repository = dataSourceOf(app).getRepository(WhatsappSessionEntity);
  const saved = await repository.save(
    repository.create({
      organizationId,
      name,
      status: options.status ?? WhatsappSessionStatus.Working,
      meId: '551132104567@c.us',
      hmacKeyEncrypted: app.get(SecretCipher).encrypt(hmacKey),
    }),
  );
  return { id: saved.id, name, hmacKey, organizationId };
}

/** A fixture from ../shared/fixtures/waha, with its session renamed. */
export function loadFixture(file: string, session?: string): Record<string, unknown> & { payload: Record<string, unknown> } {
  const body = JSON.parse(readFileSync(join(FIXTURES_DIR, file), 'utf8')) as Record<string, unknown> & { payload: Record<string, unknown> };
  return session ? { ...body, session } : body;
}

/** Signs exactly as WAHA does (the fake WAHA's helper). */
export const sign = signWahaBody;

/** POSTs the exact bytes WAHA would, signed with `key` (no signature when key is null). */
export function postWebhook(app: NestFastifyApplication, body: unknown, key: string | null, headers: Record<string, string> = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const request = http(app).post(WEBHOOK_PATH).set('Content-Type', 'application/json').set(headers);
  if (key !== null) request.set('X-Webhook-Hmac', sign(raw, key)).set('X-Webhook-Hmac-Algorithm', 'sha512');
  return request.send(raw);
}
