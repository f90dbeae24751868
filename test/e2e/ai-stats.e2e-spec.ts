import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { AiLimitsService } from 'src/modules/ai/usage/ai-limits.service';
import { AiUsageService, RecordModelCall } from 'src/modules/ai/usage/ai-usage.service';
import { bearer, http, loginSuperAdmin, PREFIX, Session } from 'test/support/api';
import { withTestApp } from 'test/support/create-test-app';
import { expectError, expectInvalidFields } from 'test/support/expect-error';
import { Clinic, createClinic, createMember } from 'test/support/factories';
import { dataSourceOf, insertWhatsappSession } from 'test/support/whatsapp';

const STATS = `${PREFIX}/ai/stats`;

type Call = Omit<RecordModelCall, 'organizationId'>;

const gemini = (overrides: Partial<Call>): Call => ({
  feature: 'reply',
  outcome: 'ok',
  provider: 'gemini',
  model: 'gemini-2.5-flash',
  promptVersion: 'reply-v1',
  inputTokens: 1000,
  outputTokens: 200,
  latencyMs: 1000,
  ...overrides,
});

/**
 * Ten reply-ish rows: 7 Gemini calls (latencies 100…700 ms, 2 of them failed), 1 offline answer, 2 cache hits,
 * plus an analysis call on another model. Costs: flash $0.30/$2.50 per 1M tokens, flash-lite $0.10/$0.40.
 */
const CALLS: Call[] = [
  ...[100, 200, 300, 400, 500].map((latencyMs) => gemini({ latencyMs })),
  gemini({ latencyMs: 600, outcome: 'error', errorKind: 'quota', outputTokens: 0 }),
  gemini({ latencyMs: 700, outcome: 'timeout', inputTokens: 0, outputTokens: 0 }),
  { feature: 'reply', outcome: 'ok', provider: 'offline', model: 'offline', latencyMs: 3 },
  gemini({ outcome: 'cache_hit', latencyMs: 2, inputTokens: 0, outputTokens: 0 }),
  gemini({ outcome: 'cache_hit', latencyMs: 4, inputTokens: 0, outputTokens: 0 }),
  gemini({ feature: 'analysis', model: 'gemini-2.5-flash-lite', inputTokens: 2000, outputTokens: 100, latencyMs: 800 }),
];

describe('AI stats (e2e)', () => {
  let app: NestFastifyApplication;

  withTestApp((created) => (app = created));

  function stats(actor: Session, query: Record<string, string> = {}): Test {
    return http(app).get(STATS).query(query).set(...bearer(actor));
  }

  async function record(organizationId: string, calls: Call[], conversationId: string | null = null): Promise<void> {
    const usage = app.get(AiUsageService);
    for (const call of calls) await usage.record({ organizationId, conversationId, ...call });
  }

  async function backdate(organizationId: string, model: string, interval: string): Promise<void> {
    await dataSourceOf(app).query(`UPDATE ai_model_calls SET created_at = now() - $3::interval WHERE organization_id = $1 AND model = $2`, [organizationId, model, interval]);
  }

  async function addConversation(clinic: Clinic): Promise<string> {
    const db = dataSourceOf(app);
    const session = await insertWhatsappSession(app, clinic.organizationId);
    const phone = `55119${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const [contact] = await db.query(`INSERT INTO contacts (organization_id, name, phone, source) VALUES ($1, 'Paciente', $2, 'whatsapp') RETURNING id`, [
      clinic.organizationId,
      `+${phone}`,
    ]);
    const [conversation] = await db.query(
      `INSERT INTO conversations (organization_id, contact_id, session_id, chat_id, last_message_at) VALUES ($1, $2, $3, $4, now()) RETURNING id`,
      [clinic.organizationId, contact.id, session.id, `${phone}@c.us`],
    );
    return conversation.id as string;
  }

  describe('GET /ai/stats', () => {
    it('should aggregate the clinic’s calls: totals, cost, latency over model calls, cache hit and error rates', async () => {
      const clinic = await createClinic(app);
      await record(clinic.organizationId, CALLS);
      await record((await createClinic(app)).organizationId, CALLS);

      const { body } = await stats(clinic.admin).expect(200);

      expect(body.timezone).toBe('America/Sao_Paulo');
      expect(Date.parse(body.end) - Date.parse(body.start)).toBe(30 * 86_400_000);
      expect(body.totals).toEqual({
        calls: 11,
        model_calls: 8,
        input_tokens: 5000 + 1000 + 2000,
        output_tokens: 1000 + 100,
        // flash: 6000 in × $0.30 + 1000 out × $2.50 per 1M = 0.0043; flash-lite: 2000 × $0.10 + 100 × $0.40 per 1M = 0.00024.
        cost_usd: 0.00454,
        cache_hits: 2,
        errors: 2,
      });
      // Model calls only: 100…800 ms.
      expect(body.latency).toEqual({ avg_ms: 450, p95_ms: 765 });
      expect(body.cache_hit_rate).toBe(0.2); // 2 of 10 replies
      expect(body.error_rate).toBe(0.25); // 2 of 8 model calls
      expect(body.by_feature).toEqual([
        { feature: 'reply', calls: 10, input_tokens: 6000, output_tokens: 1000, cost_usd: 0.0043 },
        { feature: 'analysis', calls: 1, input_tokens: 2000, output_tokens: 100, cost_usd: 0.00024 },
      ]);
      expect(body.by_model).toEqual([
        { provider: 'gemini', model: 'gemini-2.5-flash', calls: 9, input_tokens: 6000, output_tokens: 1000, cost_usd: 0.0043, avg_latency_ms: 400 },
        { provider: 'gemini', model: 'gemini-2.5-flash-lite', calls: 1, input_tokens: 2000, output_tokens: 100, cost_usd: 0.00024, avg_latency_ms: 800 },
        { provider: 'offline', model: 'offline', calls: 1, input_tokens: 0, output_tokens: 0, cost_usd: 0, avg_latency_ms: null },
      ]);
    });

    it('should answer zeros and null rates for a clinic without AI activity', async () => {
      const clinic = await createClinic(app);
      const { body } = await stats(clinic.admin).expect(200);
      expect(body).toMatchObject({
        totals: { calls: 0, model_calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0, cache_hits: 0, errors: 0 },
        latency: { avg_ms: null, p95_ms: null },
        cache_hit_rate: null,
        error_rate: null,
        by_feature: [],
        by_model: [],
      });
    });

    it('should count only the window: last 30 days by default, whole local days when given dates', async () => {
      const clinic = await createClinic(app);
      await record(clinic.organizationId, [gemini({ model: 'gemini-2.0-flash' }), gemini({ model: 'gemini-1.5-flash' })]);
      await backdate(clinic.organizationId, 'gemini-1.5-flash', '40 days');

      expect((await stats(clinic.admin).expect(200)).body.totals.calls).toBe(1);

      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(new Date());
      const fortyFiveDaysAgo = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(new Date(Date.now() - 45 * 86_400_000));
      const wide = await stats(clinic.admin, { start_date: fortyFiveDaysAgo, end_date: today }).expect(200);
      expect(wide.body.totals.calls).toBe(2);
      // A date-only start begins at local midnight in São Paulo (UTC-3, no DST since 2019).
      expect(wide.body.start).toBe(`${fortyFiveDaysAgo}T03:00:00.000Z`);

      const todayOnly = await stats(clinic.admin, { start_date: today, end_date: today }).expect(200);
      expect(todayOnly.body.totals.calls).toBe(1);
      expect(Date.parse(todayOnly.body.end) - Date.parse(todayOnly.body.start)).toBe(86_400_000);

      const instants = await stats(clinic.admin, { start_date: new Date(Date.now() - 41 * 86_400_000).toISOString(), end_date: new Date(Date.now() - 39 * 86_400_000).toISOString() }).expect(200);
      expect(instants.body.by_model.map((row: { model: string }) => row.model)).toEqual(['gemini-1.5-flash']);
    });

    it.each([
      ['words', { start_date: 'yesterday' }, ['start_date']],
      ['impossible dates', { start_date: '2026-02-30', end_date: '2026-13-01' }, ['start_date', 'end_date']],
      ['partial dates', { start_date: '2026-11' }, ['start_date']],
      ['a start after the end', { start_date: '2026-11-10', end_date: '2026-11-01' }, ['start_date']],
      ['a window over 366 days', { start_date: '2024-01-01', end_date: '2026-01-01' }, ['start_date']],
      ['a start in the future with the default end', { start_date: '2099-01-01' }, ['start_date']],
      ['unknown parameters', { organization_id: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60' }, ['organization_id']],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_case, query, fields) => {
      const clinic = await createClinic(app);
      expectInvalidFields(await stats(clinic.admin, query), fields);
    });

    it('should refuse secretaries, viewers, super admins and callers without a token', async () => {
      const clinic = await createClinic(app);
      for (const role of ['secretary', 'viewer'] as const) expectError(await stats(await createMember(app, clinic.admin, role)), 403, 'FORBIDDEN');
      expectError(await stats(await loginSuperAdmin(app)), 403, 'FORBIDDEN');
      expectError(await http(app).get(STATS), 401, 'UNAUTHENTICATED');
    });
  });

  describe('limits', () => {
    it('should cap model calls per conversation per day, not counting offline answers and cache hits', async () => {
      const clinic = await createClinic(app);
      const conversationId = await addConversation(clinic);
      const other = await addConversation(clinic);
      await http(app).patch(`${PREFIX}/ai/settings`).set(...bearer(clinic.admin)).send({ max_model_calls_per_conversation_per_day: 3 }).expect(200);
      const limits = app.get(AiLimitsService);

      await record(clinic.organizationId, [gemini({}), gemini({ outcome: 'error' }), CALLS[7], CALLS[8]], conversationId);
      await record(clinic.organizationId, [gemini({}), gemini({})], other);
      await expect(limits.checkConversationDailyCap(clinic.organizationId, conversationId)).resolves.toEqual({ allowed: true, used: 2, cap: 3 });

      await record(clinic.organizationId, [gemini({})], conversationId);
      await expect(limits.checkConversationDailyCap(clinic.organizationId, conversationId)).resolves.toEqual({ allowed: false, used: 3, cap: 3 });

      await dataSourceOf(app).query(`UPDATE ai_model_calls SET created_at = now() - interval '2 days' WHERE conversation_id = $1`, [conversationId]);
      await expect(limits.checkConversationDailyCap(clinic.organizationId, conversationId)).resolves.toMatchObject({ allowed: true, used: 0 });
    });

    it('should report the month’s tokens against the budget and raise one alert per month when it is spent', async () => {
      const limits = app.get(AiLimitsService);
      const unlimited = await createClinic(app);
      await record(unlimited.organizationId, [gemini({ inputTokens: 1500, outputTokens: 600 })]);
      await expect(limits.checkMonthlyBudget(unlimited.organizationId)).resolves.toEqual({ withinBudget: true, usedTokens: 2100, budget: null });

      const clinic = await createClinic(app);
      await http(app).patch(`${PREFIX}/ai/settings`).set(...bearer(clinic.admin)).send({ monthly_token_budget: 2000 }).expect(200);
      await record(clinic.organizationId, [gemini({ inputTokens: 1500, outputTokens: 600 }), gemini({ inputTokens: 0, outputTokens: 0, outcome: 'cache_hit' })]);
      await record(clinic.organizationId, [gemini({ model: 'gemini-1.5-flash', inputTokens: 9000 })]);
      await backdate(clinic.organizationId, 'gemini-1.5-flash', '40 days'); // last month's tokens do not count

      await expect(limits.checkMonthlyBudget(clinic.organizationId)).resolves.toEqual({ withinBudget: false, usedTokens: 2100, budget: 2000 });
      await limits.checkMonthlyBudget(clinic.organizationId);

      const list = async (actor: Session) =>
        (await http(app).get(`${PREFIX}/alerts`).query({ type: 'ai_budget_exceeded' }).set(...bearer(actor)).expect(200)).body.items as Array<{ id: string; title: string }>;
      const alerts = await list(clinic.admin);
      expect(alerts).toEqual([expect.objectContaining({ type: 'ai_budget_exceeded', occurrences: 1, status: 'open', title: expect.stringContaining('offline') })]);
      expect(await list(unlimited.admin)).toEqual([]);

      // Staff closing the alert while the budget is still spent does not bring it back this month.
      await http(app).post(`${PREFIX}/alerts/${alerts[0].id}/resolve`).set(...bearer(clinic.admin)).expect(200);
      await expect(limits.checkMonthlyBudget(clinic.organizationId)).resolves.toMatchObject({ withinBudget: false });
      expect(await list(clinic.admin)).toEqual([expect.objectContaining({ id: alerts[0].id, status: 'resolved' })]);
    });
  });
});
