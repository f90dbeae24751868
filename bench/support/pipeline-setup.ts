/**
 * Turns the clinics seeded by `seedClinics` into AI front desks for `npm run bench:pipeline`:
 *
 * - before the app starts (SQL): an admin per clinic who can log in, and WhatsApp send pacing off
 *   (`whatsapp_send_rate_per_minute` very high, `whatsapp_min_chat_gap_ms` 0): the anti-ban pacing would
 *   otherwise be what the bench measures;
 * - once the app runs (its HTTP API, as a clinic admin would): the demo clinic's profile
 *   (`PUT /clinic-profile`), its knowledge (`POST /knowledge/import`, so items are chunked and indexed by the
 *   app's own code) and the offline engine without debounce (`PATCH /ai/settings`).
 */
import { randomBytes } from 'node:crypto';
import { DEMO_BUSINESS_HOURS, DEMO_INSURANCES, DEMO_KNOWLEDGE, DEMO_SERVICES } from '../../scripts/demo-clinic';
import { PasswordService } from 'src/modules/users/password.service';
import { login } from './http';
import { SeededClinic, withConnection } from './ingest-db';

const SEND_RATE_PER_MINUTE = 100_000;

export interface ClinicAdmin {
  email: string;
  password: string;
}

/** One admin per clinic (`bench-admin-<n>-<tag>@bench.invalid`, a random password) and no send pacing. */
export async function prepareFrontDesks(databaseName: string, clinics: readonly SeededClinic[], runTag: string): Promise<ClinicAdmin[]> {
  const password = `Bench-${randomBytes(12).toString('base64url')}`;
  const passwordHash = await new PasswordService().hash(password);
  return withConnection(databaseName, async (db) => {
    const admins: ClinicAdmin[] = [];
    for (const [index, clinic] of clinics.entries()) {
      const email = `bench-admin-${index + 1}-${runTag}@bench.invalid`;
      await db.query(
        `INSERT INTO users (organization_id, name, email, password_hash, role, is_active, password_changed_at)
         VALUES ($1, $2, $3, $4, 'admin', true, now())`,
        [clinic.organizationId, `Bench admin ${index + 1}`, email, passwordHash],
      );
      await db.query(`UPDATE organizations SET whatsapp_send_rate_per_minute = $2, whatsapp_min_chat_gap_ms = 0 WHERE id = $1`, [
        clinic.organizationId,
        SEND_RATE_PER_MINUTE,
      ]);
      admins.push({ email, password });
    }
    return admins;
  });
}

async function call(baseUrl: string, token: string, method: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status < 200 || response.status >= 300) throw new Error(`${method} ${path} answered HTTP ${response.status}: ${text.slice(0, 800)}`);
  return text ? (JSON.parse(text) as unknown) : null;
}

/** The demo clinic's profile and knowledge, and the offline engine answering at once (no debounce). */
export async function configureFrontDesk(baseUrl: string, admin: ClinicAdmin, clinicName: string): Promise<{ knowledgeItems: number }> {
  const token = await login(baseUrl, admin.email, admin.password);
  await call(baseUrl, token, 'PUT', '/clinic-profile', {
    name: clinicName,
    address: 'Av. Paulista, 1578, conj. 1203 - Bela Vista, São Paulo - SP, 01310-200',
    phone: '(11) 3555-0100',
    email: 'contato@clinicaexemplo.com.br',
    timezone: 'America/Sao_Paulo',
    business_hours: DEMO_BUSINESS_HOURS,
    accepted_insurances: DEMO_INSURANCES,
    services: DEMO_SERVICES.map((service) => ({
      name: service.name,
      description: service.description,
      price_cents: service.priceCents,
      duration_minutes: service.durationMinutes,
    })),
  });
  const imported = (await call(baseUrl, token, 'POST', '/knowledge/import', { format: 'json', items: DEMO_KNOWLEDGE })) as { imported?: number; rejected?: number; errors?: unknown[] };
  if (imported.rejected !== 0 || imported.imported !== DEMO_KNOWLEDGE.length) {
    throw new Error(`knowledge import of ${DEMO_KNOWLEDGE.length} items answered ${JSON.stringify(imported).slice(0, 800)}`);
  }
  await call(baseUrl, token, 'PATCH', '/ai/settings', { engine: 'offline', debounce_ms: 0 });
  return { knowledgeItems: imported.imported };
}
