import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { SecretCipher } from 'src/common/crypto/secret-cipher';
import { AiKeyProvider } from 'src/modules/ai/keys/ai-key-provider';
import { MAX_KEYS_PER_ORGANIZATION } from 'src/modules/ai/keys/ai-keys.service';
import { bearer, http, loginSuperAdmin, PREFIX, Session } from 'test/support/api';
import { createTestApp, withTestApp } from 'test/support/create-test-app';
import { expectError, expectInvalidFields } from 'test/support/expect-error';
import { Clinic, createClinic, createMember } from 'test/support/factories';
import { dataSourceOf } from 'test/support/whatsapp';

const KEYS = `${PREFIX}/ai/keys`;

interface KeyBody {
  id: string;
  label: string | null;
  last4: string;
  created_at: string;
  last_used_at: string | null;
  benched_until: string | null;
  failure_count: number;
  last_failure_kind: string | null;
}

/** A fresh, realistic-looking Gemini key (39 characters, "AIza" prefix). */
function geminiKey(): string {
  return `AIzaSy${randomBytes(24).toString('base64url').slice(0, 33)}`;
}

describe('AI keys (e2e)', () => {
  let app: NestFastifyApplication;

  withTestApp((created) => (app = created));

  function add(actor: Session, body: unknown): Test {
    return http(app).post(KEYS).set(...bearer(actor)).send(body as object);
  }

  function list(actor: Session, query: Record<string, string | number> = {}): Test {
    return http(app).get(KEYS).query(query).set(...bearer(actor));
  }

  function remove(actor: Session, id: string): Test {
    return http(app).delete(`${KEYS}/${id}`).set(...bearer(actor));
  }

  async function addKey(clinic: Clinic, label: string | null = null): Promise<{ apiKey: string; body: KeyBody }> {
    const apiKey = geminiKey();
    const response = await add(clinic.admin, label === null ? { api_key: apiKey } : { api_key: apiKey, label }).expect(201);
    return { apiKey, body: response.body as KeyBody };
  }

  describe('POST /ai/keys', () => {
    it('should store the key encrypted and answer only its last 4 characters', async () => {
      const clinic = await createClinic(app);
      const apiKey = geminiKey();

      const response = await add(clinic.admin, { api_key: `  ${apiKey} `, label: ' Conta Google ' }).expect(201);

      expect(response.body).toEqual({
        id: expect.any(String),
        label: 'Conta Google',
        last4: apiKey.slice(-4),
        created_at: expect.any(String),
        last_used_at: null,
        benched_until: null,
        failure_count: 0,
        last_failure_kind: null,
        last_failure_at: null,
      });
      expect(JSON.stringify(response.body)).not.toContain(apiKey.slice(0, 20));
      const [row] = await dataSourceOf(app).query(`SELECT api_key_encrypted FROM ai_api_keys WHERE id = $1`, [response.body.id]);
      expect(row.api_key_encrypted).toMatch(/^v1\./);
      expect(row.api_key_encrypted).not.toContain(apiKey);
      expect(app.get(SecretCipher).decrypt(row.api_key_encrypted)).toBe(apiKey);
    });

    it('should refuse the same key twice in one clinic (409) but allow it in another', async () => {
      const clinic = await createClinic(app);
      const other = await createClinic(app);
      const { apiKey } = await addKey(clinic);
      expectError(await add(clinic.admin, { api_key: apiKey, label: 'de novo' }), 409, 'AI_KEY_DUPLICATE');
      await add(other.admin, { api_key: apiKey }).expect(201);
    });

    it.each([
      ['no key', {}, ['api_key']],
      ['a short key', { api_key: 'AIza-short' }, ['api_key']],
      ['a key with spaces inside', { api_key: 'AIzaSyD EXAMPLE KEY 000000000000000' }, ['api_key']],
      ['a key that is not a string', { api_key: 12345678901234567890 }, ['api_key']],
      ['an empty or long label', { api_key: geminiKey(), label: '' }, ['label']],
      ['unknown fields', { api_key: geminiKey(), organization_id: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60' }, ['organization_id']],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_case, body, fields) => {
      const clinic = await createClinic(app);
      expectInvalidFields(await add(clinic.admin, body), fields);
      expect((await list(clinic.admin).expect(200)).body.total).toBe(0);
    });

    it(`should refuse more than ${MAX_KEYS_PER_ORGANIZATION} keys with 422 AI_KEY_LIMIT_REACHED`, async () => {
      const clinic = await createClinic(app);
      for (let i = 0; i < MAX_KEYS_PER_ORGANIZATION; i += 1) await addKey(clinic);
      expectError(await add(clinic.admin, { api_key: geminiKey() }), 422, 'AI_KEY_LIMIT_REACHED');
    });
  });

  describe('GET /ai/keys', () => {
    it('should list the clinic’s keys newest first, paginated, never with their values', async () => {
      const clinic = await createClinic(app);
      const first = await addKey(clinic, 'primeira');
      const second = await addKey(clinic, 'segunda');
      await addKey(await createClinic(app), 'de outra clínica');

      const response = await list(clinic.admin).expect(200);
      expect(response.body).toMatchObject({ total: 2, page: 1, limit: 20, pages: 1 });
      expect(response.body.items.map((key: KeyBody) => key.label)).toEqual(['segunda', 'primeira']);
      const text = JSON.stringify(response.body);
      for (const { apiKey } of [first, second]) expect(text).not.toContain(apiKey.slice(0, 20));
      expect(response.body.items.every((key: Record<string, unknown>) => !('api_key' in key) && !('api_key_encrypted' in key))).toBe(true);

      const page = await list(clinic.admin, { limit: 1, page: 2, order: 'asc' }).expect(200);
      expect(page.body).toMatchObject({ total: 2, pages: 2, items: [{ id: second.body.id }] });
    });

    it('should show a benched key with its failure, and clear it when the key works again', async () => {
      const clinic = await createClinic(app);
      const { body } = await addKey(clinic);
      const provider = app.get(AiKeyProvider);
      const key = await provider.acquire(clinic.organizationId);
      expect(key).toMatchObject({ keyId: body.id, source: 'organization' });

      await provider.reportFailure(key!, 'quota');

      const [benched] = (await list(clinic.admin).expect(200)).body.items as KeyBody[];
      expect(benched).toMatchObject({ failure_count: 1, last_failure_kind: 'quota', benched_until: expect.any(String) });
      const benchedFor = Date.parse(benched.benched_until!) - Date.now();
      expect(benchedFor).toBeGreaterThan(9 * 60_000);
      expect(benchedFor).toBeLessThanOrEqual(10 * 60_000);
      await expect(provider.acquire(clinic.organizationId)).resolves.toBeNull();

      await provider.reportSuccess(key!);
      const [recovered] = (await list(clinic.admin).expect(200)).body.items as KeyBody[];
      expect(recovered).toMatchObject({ failure_count: 0, last_used_at: expect.any(String) });
    });

    it('should refuse bad paging and sorting', async () => {
      const clinic = await createClinic(app);
      expectInvalidFields(await list(clinic.admin, { limit: 0, page: 0, sort: 'label' }), ['limit', 'page', 'sort']);
    });
  });

  describe('DELETE /ai/keys/:id', () => {
    it('should delete the key, stop handing it out, and audit it', async () => {
      const clinic = await createClinic(app);
      const { apiKey, body } = await addKey(clinic, 'velha');
      await expect(app.get(AiKeyProvider).acquire(clinic.organizationId)).resolves.toMatchObject({ apiKey });

      await remove(clinic.admin, body.id).expect(204);

      expect((await list(clinic.admin).expect(200)).body.total).toBe(0);
      await expect(app.get(AiKeyProvider).acquire(clinic.organizationId)).resolves.toBeNull();
      expectError(await remove(clinic.admin, body.id), 404, 'AI_KEY_NOT_FOUND');
      const audit = await http(app).get(`${PREFIX}/audit-logs`).query({ entity_type: 'ai_api_key', entity_id: body.id }).set(...bearer(clinic.admin)).expect(200);
      expect(audit.body.items.map((item: { action: string }) => item.action).sort()).toEqual(['ai_key.added', 'ai_key.deleted']);
      expect(JSON.stringify(audit.body)).not.toContain(apiKey.slice(0, 20));
    });

    it('should answer 404 AI_KEY_NOT_FOUND for another clinic’s key and leave it in place', async () => {
      const owner = await createClinic(app);
      const intruder = await createClinic(app);
      const { body } = await addKey(owner);

      expectError(await remove(intruder.admin, body.id), 404, 'AI_KEY_NOT_FOUND');

      expect((await list(owner.admin).expect(200)).body.items.map((key: KeyBody) => key.id)).toEqual([body.id]);
      await expect(app.get(AiKeyProvider).acquire(intruder.organizationId)).resolves.toBeNull();
    });

    it('should answer 400 for a malformed id', async () => {
      const clinic = await createClinic(app);
      expectInvalidFields(await remove(clinic.admin, 'not-a-uuid'), ['id']);
    });
  });

  it('should refuse secretaries, viewers and super admins on every route, and callers without a token', async () => {
    const clinic = await createClinic(app);
    const { body } = await addKey(clinic);
    const outsiders = [await createMember(app, clinic.admin, 'secretary'), await createMember(app, clinic.admin, 'viewer'), await loginSuperAdmin(app)];
    for (const actor of outsiders) {
      expectError(await list(actor), 403, 'FORBIDDEN');
      expectError(await add(actor, { api_key: geminiKey() }), 403, 'FORBIDDEN');
      expectError(await remove(actor, body.id), 403, 'FORBIDDEN');
    }
    expectError(await http(app).get(KEYS), 401, 'UNAUTHENTICATED');
    expect((await list(clinic.admin).expect(200)).body.total).toBe(1);
  });

  describe('master key rotation', () => {
    it('should keep old keys working after a new master key goes in front, re-sealing them on use', async () => {
      const clinic = await createClinic(app);
      const { apiKey, body } = await addKey(clinic);
      const db = dataSourceOf(app);
      const sealedBefore = (await db.query(`SELECT api_key_encrypted FROM ai_api_keys WHERE id = $1`, [body.id]))[0].api_key_encrypted as string;
      const currentRing = process.env.SECRETS_ENCRYPTION_KEYS ?? 'dev1:ZGV2LW9ubHktc2VjcmV0cy1rZXktY2hhbmdlLW1lISE=';
      const rotated = await createTestApp({ SECRETS_ENCRYPTION_KEYS: `rot2:${randomBytes(32).toString('base64')},${currentRing}` });
      try {
        await expect(rotated.get(AiKeyProvider).acquire(clinic.organizationId)).resolves.toEqual({ keyId: body.id, apiKey, source: 'organization' });

        const sealedAfter = (await db.query(`SELECT api_key_encrypted FROM ai_api_keys WHERE id = $1`, [body.id]))[0].api_key_encrypted as string;
        expect(sealedAfter).not.toBe(sealedBefore);
        expect(sealedAfter).toMatch(/^v1\.rot2\./);
        expect(rotated.get(SecretCipher).needsRotation(sealedAfter)).toBe(false);
        await expect(rotated.get(AiKeyProvider).acquire(clinic.organizationId)).resolves.toMatchObject({ apiKey });
      } finally {
        await rotated.close();
      }
    });
  });
});
