import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { AiSettingsService } from 'src/modules/ai/settings/ai-settings.service';
import { bearer, http, loginSuperAdmin, PREFIX, Session } from 'test/support/api';
import { withTestApp } from 'test/support/create-test-app';
import { expectError, expectInvalidFields } from 'test/support/expect-error';
import { createClinic, createMember } from 'test/support/factories';

const SETTINGS = `${PREFIX}/ai/settings`;

const DEFAULTS = {
  enabled: true,
  engine: 'offline',
  model: 'gemini-2.5-flash',
  persona: {
    bot_name: 'Clara',
    tone: 'friendly',
    greeting: 'Olá! Eu sou a Clara, assistente virtual da clínica. Como posso ajudar?',
    disclaimers: ['Não substituo uma avaliação profissional.'],
  },
  debounce_ms: 3000,
  max_debounce_ms: 15000,
  human_idle_handback_minutes: 120,
  max_model_calls_per_conversation_per_day: 50,
  monthly_token_budget: null,
  history_window: 12,
};

describe('AI settings (e2e)', () => {
  let app: NestFastifyApplication;

  withTestApp((created) => (app = created));

  function get(actor: Session): Test {
    return http(app).get(SETTINGS).set(...bearer(actor));
  }

  function patch(actor: Session, body: unknown): Test {
    return http(app).patch(SETTINGS).set(...bearer(actor)).send(body as object);
  }

  describe('GET /ai/settings', () => {
    it('should answer the defaults for a clinic that never changed them', async () => {
      const { admin } = await createClinic(app);
      const response = await get(admin).expect(200);
      expect(response.body).toEqual({ ...DEFAULTS, updated_at: expect.any(String) });
    });

    it('should refuse secretaries, viewers, super admins and callers without a token', async () => {
      const { admin } = await createClinic(app);
      for (const role of ['secretary', 'viewer'] as const) expectError(await get(await createMember(app, admin, role)), 403, 'FORBIDDEN');
      expectError(await get(await loginSuperAdmin(app)), 403, 'FORBIDDEN');
      expectError(await http(app).get(SETTINGS), 401, 'UNAUTHENTICATED');
    });
  });

  describe('PATCH /ai/settings', () => {
    it('should change only the fields sent, persona fields included, and keep the rest', async () => {
      const { admin } = await createClinic(app);
      const response = await patch(admin, {
        engine: 'gemini',
        model: 'gemini-2.5-pro',
        persona: { tone: 'formal', disclaimers: ['  Em caso de emergência, ligue 192.  ', 'Não substituo uma consulta.'] },
        debounce_ms: 5000,
        monthly_token_budget: 2_000_000,
      }).expect(200);

      expect(response.body).toEqual({
        ...DEFAULTS,
        engine: 'gemini',
        model: 'gemini-2.5-pro',
        persona: { ...DEFAULTS.persona, tone: 'formal', disclaimers: ['Em caso de emergência, ligue 192.', 'Não substituo uma consulta.'] },
        debounce_ms: 5000,
        monthly_token_budget: 2_000_000,
        updated_at: expect.any(String),
      });
      expect((await get(admin).expect(200)).body).toEqual(response.body);
    });

    it('should clear the greeting and the budget with null, and accept an empty disclaimer list', async () => {
      const { admin } = await createClinic(app);
      await patch(admin, { monthly_token_budget: 5000 }).expect(200);
      const response = await patch(admin, { persona: { greeting: null, disclaimers: [] }, monthly_token_budget: null, human_idle_handback_minutes: 0 }).expect(200);
      expect(response.body).toMatchObject({ persona: { greeting: null, disclaimers: [] }, monthly_token_budget: null, human_idle_handback_minutes: 0 });
    });

    it('should be seen at once by AiSettingsService.get (the shared cache is rewritten on change)', async () => {
      const { admin, organizationId } = await createClinic(app);
      const settings = app.get(AiSettingsService);
      expect((await settings.get(organizationId)).persona.botName).toBe('Clara');

      await patch(admin, { persona: { bot_name: 'Sofia' }, max_model_calls_per_conversation_per_day: 7 }).expect(200);

      expect(await settings.get(organizationId)).toMatchObject({
        organizationId,
        engine: 'offline',
        persona: { botName: 'Sofia', tone: 'friendly' },
        maxModelCallsPerConversationPerDay: 7,
      });
    });

    it('should leave other clinics’ settings alone', async () => {
      const mine = await createClinic(app);
      const other = await createClinic(app);
      await patch(mine.admin, { engine: 'gemini', history_window: 30 }).expect(200);
      expect((await get(other.admin).expect(200)).body).toMatchObject({ engine: 'offline', history_window: 12 });
    });

    it('should record the change, field by field, in the audit log', async () => {
      const { admin } = await createClinic(app);
      await patch(admin, { engine: 'gemini', persona: { bot_name: 'Sofia' } }).expect(200);
      await patch(admin, { engine: 'gemini' }).expect(200);
      const audit = await http(app).get(`${PREFIX}/audit-logs`).query({ entity_type: 'ai_settings' }).set(...bearer(admin)).expect(200);
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0]).toMatchObject({
        action: 'ai_settings.updated',
        changes: { engine: { old: 'offline', new: 'gemini' }, botName: { old: 'Clara', new: 'Sofia' } },
      });
    });

    it('should refuse max_debounce_ms below debounce_ms, also against the stored value', async () => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await patch(admin, { debounce_ms: 5000, max_debounce_ms: 4000 }), ['max_debounce_ms']);
      expectInvalidFields(await patch(admin, { debounce_ms: 20_000 }), ['max_debounce_ms']);
      expect((await get(admin).expect(200)).body).toMatchObject({ debounce_ms: 3000, max_debounce_ms: 15000 });
      await patch(admin, { debounce_ms: 15_000 }).expect(200);
    });

    it.each([
      ['an unknown engine', { engine: 'openai' }, ['engine']],
      ['a switch that is not a boolean', { enabled: 'yes' }, ['enabled']],
      ['null for the on/off switch', { enabled: null }, ['enabled']],
      ['a model that is not Gemini', { model: 'gpt-4o' }, ['model']],
      ['null for a field that always has a value', { engine: null, debounce_ms: null, persona: null }, ['engine', 'debounce_ms', 'persona']],
      ['numbers as strings', { debounce_ms: '3000', history_window: '12' }, ['debounce_ms', 'history_window']],
      ['out-of-range numbers', { debounce_ms: -1, max_debounce_ms: 300_001, history_window: 0, max_model_calls_per_conversation_per_day: 0, human_idle_handback_minutes: 10_081 }, [
        'debounce_ms',
        'max_debounce_ms',
        'history_window',
        'max_model_calls_per_conversation_per_day',
        'human_idle_handback_minutes',
      ]],
      ['a fractional budget', { monthly_token_budget: 1500.5 }, ['monthly_token_budget']],
      ['a budget under 1,000 tokens', { monthly_token_budget: 10 }, ['monthly_token_budget']],
      ['a bad persona', { persona: { tone: 'sarcastic', bot_name: '   ', disclaimers: ['a', 'b', 'c', 'd', 'e', 'f'], greeting: '' } }, [
        'persona.tone',
        'persona.bot_name',
        'persona.disclaimers',
        'persona.greeting',
      ]],
      ['a persona that is not an object', { persona: 'Clara' }, ['persona']],
      ['unknown fields, top-level and nested', { organization_id: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60', persona: { avatar: 'x' } }, ['organization_id', 'persona.avatar']],
    ])('should answer 400 VALIDATION_FAILED for %s and change nothing', async (_case, body, fields) => {
      const { admin } = await createClinic(app);
      expectInvalidFields(await patch(admin, body), fields);
      expect((await get(admin).expect(200)).body).toEqual({ ...DEFAULTS, updated_at: expect.any(String) });
    });

    it('should answer 400 for malformed JSON', async () => {
      const { admin } = await createClinic(app);
      expectError(await http(app).patch(SETTINGS).set(...bearer(admin)).set('Content-Type', 'application/json').send('{"engine":'), 400, 'INVALID_JSON');
    });

    it('should refuse secretaries and viewers, and callers without a token', async () => {
      const { admin } = await createClinic(app);
      for (const role of ['secretary', 'viewer'] as const) expectError(await patch(await createMember(app, admin, role), { engine: 'gemini' }), 403, 'FORBIDDEN');
      expectError(await http(app).patch(SETTINGS).send({ engine: 'gemini' }), 401, 'UNAUTHENTICATED');
      expect((await get(admin).expect(200)).body.engine).toBe('offline');
    });
  });
});
