import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { EmbeddingsInterface } from '@langchain/core/embeddings';
import { SyntheticEmbeddings } from '@langchain/core/utils/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GEMINI_ENGINE_OPTIONS } from 'src/modules/ai/engine/gemini/gemini-engine.options';
import { ChatModelRequest, GEMINI_MODEL_FACTORY, GeminiModelFactory } from 'src/modules/ai/engine/gemini/gemini-model.factory';
import { ScriptedChatModel, textReply, toolCallReply } from 'src/modules/ai/engine/testing/scripted-chat-model';
import { bearer, http, PREFIX } from 'test/support/api';
import { buildMessageEvent, FakeWaha } from 'test/support/fake-waha.server';
import { postWebhook } from 'test/support/whatsapp';
import { FrontDeskClinic, randomPatientChat, withFrontDeskApp } from 'test/support/front-desk';
import { waitFor } from 'test/support/wait-for';

/**
 * The front desk on the Gemini engine, with LangChain fake chat models in place of Google: per-organization keys,
 * failures and the fallback path, the daily cap and the monthly budget.
 */

const GOOD_KEY = 'AIzaSy-good-key-for-tests-000000000001';
const REVOKED_KEY = 'AIzaSy-revoked-key-for-tests-00000002';

const KNOWLEDGE = {
  name: 'Clínica Gemini',
  services: [{ name: 'Limpeza dental', price_cents: 18_000, duration_minutes: 40 }],
};

const priceAnalysis = {
  intent: 'price_question',
  confidence: 0.9,
  urgent: false,
  wants_human: false,
  opt_out: false,
  opt_in: false,
  procedure: 'limpeza',
  symptoms: [],
  sentiment: 'neutral',
  objections: [],
};

/** Hands out the model the current test scripted; a revoked key always answers Google's invalid-key error. */
class TestModelFactory implements GeminiModelFactory {
  model: BaseChatModel = new ScriptedChatModel([new Error('no script')]);
  readonly requests: ChatModelRequest[] = [];

  chatModel(request: ChatModelRequest): BaseChatModel {
    this.requests.push(request);
    if (request.apiKey === REVOKED_KEY) return new ScriptedChatModel([Object.assign(new Error('[400 Bad Request] API key not valid. Please pass a valid API key. [API_KEY_INVALID]'), { status: 400 })]);
    return this.model;
  }

  embeddings(): EmbeddingsInterface {
    return new SyntheticEmbeddings({ vectorSize: 16 });
  }
}

function serviceUnavailable(): Error {
  return Object.assign(new Error('[503 Service Unavailable] The model is overloaded.'), { status: 503 });
}

describe('AI front desk, Gemini engine with fake models (e2e)', () => {
  const models = new TestModelFactory();
  const harness = withFrontDeskApp('front-desk-gemini', {
    env: { AI_TURN_RETRY_BACKOFF_MS: '200' },
    overrides: (builder) =>
      builder
        .overrideProvider(GEMINI_MODEL_FACTORY)
        .useValue(models)
        .overrideProvider(GEMINI_ENGINE_OPTIONS)
        .useValue({ timeoutMs: 2_000, retries: 2, backoffMs: 10, maxBackoffMs: 20 }),
  });
  const desk = harness.desk;
  let app: NestFastifyApplication;
  let fake: FakeWaha;

  beforeAll(() => {
    app = harness.app();
    fake = harness.fake();
  });

  async function geminiClinic(settings: Record<string, unknown> = {}, keys: string[] = [GOOD_KEY]): Promise<FrontDeskClinic> {
    const clinic = await desk.newClinic(KNOWLEDGE, { debounce_ms: 0, engine: 'gemini', ...settings });
    for (const key of keys) await http(app).post(`${PREFIX}/ai/keys`).set(...bearer(clinic.admin)).send({ api_key: key }).expect(201);
    return clinic;
  }

  it('should answer with the model, and record each call with its prompt version and tokens', async () => {
    const clinic = await geminiClinic();
    models.model = new ScriptedChatModel([toolCallReply('turn_analysis', priceAnalysis), textReply('A limpeza custa R$ 180,00 e leva cerca de 40 minutos.')]);
    const chat = randomPatientChat();
    await desk.patientSays(clinic, chat, 'quanto fica uma limpeza?');
    const [answer] = await desk.waitForBot(chat);
    expect(answer).toContain('A limpeza custa R$ 180,00');
    const conversation = await desk.turnSettled(clinic, chat, 1);
    const calls = await desk.query(
      `SELECT feature, provider, prompt_version, outcome, input_tokens > 0 AS counted FROM ai_model_calls WHERE conversation_id = $1 ORDER BY created_at`,
      [conversation.id],
    );
    expect(calls).toEqual([
      { feature: 'analysis', provider: 'gemini', prompt_version: 'analysis@1', outcome: 'ok', counted: true },
      // The question's vector for retrieval; Gemini's embedding API reports no tokens.
      { feature: 'embedding', provider: 'gemini', prompt_version: 'embedding@1', outcome: 'ok', counted: false },
      { feature: 'reply', provider: 'gemini', prompt_version: 'reply@1', outcome: 'ok', counted: true },
    ]);
    expect(models.requests.at(-1)).toMatchObject({ apiKey: GOOD_KEY });
  });

  it('should bench a revoked key and answer with the organization’s other key', async () => {
    const clinic = await geminiClinic({}, [REVOKED_KEY, GOOD_KEY]);
    models.model = new ScriptedChatModel([toolCallReply('turn_analysis', priceAnalysis), textReply('A limpeza custa R$ 180,00.')]);
    for (let turn = 0; turn < 2; turn += 1) {
      const chat = randomPatientChat();
      await desk.patientSays(clinic, chat, 'quanto fica uma limpeza?');
      expect((await desk.waitForBot(chat))[0]).toContain('R$ 180,00');
    }
    const keys = await http(app).get(`${PREFIX}/ai/keys`).set(...bearer(clinic.admin)).expect(200);
    const revoked = (keys.body.items as { last4: string; benched_until: string | null }[]).find((key) => REVOKED_KEY.endsWith(key.last4));
    expect(revoked?.benched_until).toEqual(expect.any(String));
  });

  it('should apologise once when the model keeps failing, retry, and hand off after three failures with an alert', async () => {
    const clinic = await geminiClinic();
    models.model = new ScriptedChatModel([serviceUnavailable()]);
    const chat = randomPatientChat();
    await desk.patientSays(clinic, chat, 'quanto fica uma limpeza?');
    const messages = await desk.waitForBot(chat, 2, 'apology, then handoff');
    expect(messages[0]).toMatch(/^Desculpe, tive um problema/);
    expect(messages[1]).toMatch(/equipe/);
    const conversation = await desk.turnSettled(clinic, chat, 1);
    expect(conversation).toMatchObject({ owner_type: 'none', handoff_reason: 'model_failures', bot_failure_streak: 3, status: 'WAITING_SECRETARY' });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(desk.botMessagesTo(chat)).toHaveLength(2);
    const alerts = await http(app).get(`${PREFIX}/alerts`).set(...bearer(clinic.admin)).expect(200);
    expect(alerts.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'ai_model_failing' })]));
    const [errors] = await desk.query<{ count: number }>(`SELECT count(*)::int AS count FROM ai_model_calls WHERE conversation_id = $1 AND outcome = 'error'`, [conversation.id]);
    expect(errors.count).toBeGreaterThanOrEqual(3);
  });

  it('should recover when the model comes back before the third failure, and reset the streak', async () => {
    const clinic = await geminiClinic();
    models.model = new ScriptedChatModel([
      serviceUnavailable(), serviceUnavailable(), serviceUnavailable(), // analysis (falls back offline)
      serviceUnavailable(), serviceUnavailable(), serviceUnavailable(), // reply: first failure
      toolCallReply('turn_analysis', priceAnalysis),
      textReply('Voltei! A limpeza custa R$ 180,00.'),
    ]);
    const chat = randomPatientChat();
    await desk.patientSays(clinic, chat, 'quanto fica uma limpeza?');
    const messages = await desk.waitForBot(chat, 2);
    expect(messages[0]).toMatch(/^Desculpe, tive um problema/);
    expect(messages[1]).toContain('Voltei!');
    expect(await desk.turnSettled(clinic, chat, 1)).toMatchObject({ owner_type: 'bot', bot_failure_streak: 0 });
  });

  it('should hand off once the conversation used its daily model calls', async () => {
    const clinic = await geminiClinic({ max_model_calls_per_conversation_per_day: 2 });
    models.model = new ScriptedChatModel([toolCallReply('turn_analysis', priceAnalysis), textReply('A limpeza custa R$ 180,00.')]);
    const chat = randomPatientChat();
    await desk.patientSays(clinic, chat, 'quanto fica uma limpeza?');
    await desk.waitForBot(chat, 1);
    await desk.turnSettled(clinic, chat, 1);
    await desk.patientSays(clinic, chat, 'e o clareamento?');
    const messages = await desk.waitForBot(chat, 2);
    expect(messages[1]).toMatch(/pessoa da nossa equipe/);
    expect(await desk.turnSettled(clinic, chat, 2)).toMatchObject({ owner_type: 'none', handoff_reason: 'daily_cap' });
  });

  it('should answer offline and alert the clinic once the monthly token budget is spent', async () => {
    const clinic = await geminiClinic({ monthly_token_budget: 1_000 });
    await desk.query(
      `INSERT INTO ai_model_calls (organization_id, feature, provider, model, prompt_version, input_tokens, output_tokens, cost_usd, latency_ms, outcome)
       VALUES ($1, 'reply', 'gemini', 'gemini-2.5-flash', 'reply@1', 900, 300, 0.001, 800, 'ok')`,
      [clinic.organizationId],
    );
    const requestsBefore = models.requests.length;
    const chat = randomPatientChat();
    await desk.patientSays(clinic, chat, 'quanto custa a limpeza?');
    const [answer] = await desk.waitForBot(chat);
    expect(answer).toContain('R$ 180');
    expect(models.requests.length).toBe(requestsBefore);
    const conversation = await desk.turnSettled(clinic, chat, 1);
    const calls = await desk.query(`SELECT provider FROM ai_model_calls WHERE conversation_id = $1`, [conversation.id]);
    expect(calls).toEqual([{ provider: 'offline' }]);
    const alerts = await waitFor(async () => {
      const response = await http(app).get(`${PREFIX}/alerts`).set(...bearer(clinic.admin)).expect(200);
      return (response.body.items as { type: string }[]).some((alert) => alert.type === 'ai_budget_exceeded') ? response.body.items : null;
    }, { what: 'budget alert' });
    expect(alerts).toBeTruthy();
  });

  it('should embed the knowledge of a Gemini clinic in the background and embed each question it answers', async () => {
    const clinic = await geminiClinic();
    await http(app)
      .post(`${PREFIX}/knowledge`)
      .set(...bearer(clinic.admin))
      .send({ title: 'Estacionamento', content: 'Estacionamento conveniado na Rua Augusta, 200, com 2 horas grátis.', category: 'location' })
      .expect(201);
    await waitFor(async () => {
      const [row] = await desk.query<{ pending: number; embedded: number }>(
        `SELECT count(*) FILTER (WHERE embedding IS NULL)::int AS pending, count(*) FILTER (WHERE embedding IS NOT NULL)::int AS embedded
         FROM knowledge_chunks WHERE organization_id = $1`,
        [clinic.organizationId],
      );
      return row.pending === 0 && row.embedded > 0;
    }, { what: 'knowledge chunks embedded' });

    models.model = new ScriptedChatModel([toolCallReply('turn_analysis', { ...priceAnalysis, intent: 'info_question', procedure: undefined }), textReply('Temos estacionamento na Rua Augusta, 200.')]);
    const chat = randomPatientChat();
    await desk.patientSays(clinic, chat, 'tem estacionamento?');
    expect((await desk.waitForBot(chat))[0]).toContain('Rua Augusta');
    const conversation = await desk.turnSettled(clinic, chat, 1);
    const features = await desk.query<{ feature: string }>(`SELECT feature FROM ai_model_calls WHERE conversation_id = $1 ORDER BY created_at`, [conversation.id]);
    expect(features.map((row) => row.feature)).toEqual(['analysis', 'embedding', 'reply']);
  });

  it('should transcribe a voice note with the model and answer what the patient said', async () => {
    const clinic = await geminiClinic();
    fake.addMedia('/api/files/voice-note-1.oga', Buffer.from('OggS fake opus bytes'), 'audio/ogg');
    models.model = new ScriptedChatModel([
      textReply('Quanto custa a limpeza?'),
      toolCallReply('turn_analysis', priceAnalysis),
      textReply('A limpeza custa R$ 180,00.'),
    ]);
    const chat = randomPatientChat();
    const event = buildMessageEvent({
      session: clinic.session.name,
      from: chat,
      body: null,
      hasMedia: true,
      type: 'ptt',
      media: { url: fake.mediaUrl('/api/files/voice-note-1.oga'), mimetype: 'audio/ogg; codecs=opus' },
    });
    expect((await postWebhook(app, event, clinic.session.hmacKey)).body).toEqual({ status: 'accepted' });
    expect((await desk.waitForBot(chat))[0]).toContain('R$ 180,00');
    const conversation = await desk.turnSettled(clinic, chat, 1);
    const features = await desk.query<{ feature: string }>(`SELECT feature FROM ai_model_calls WHERE conversation_id = $1 ORDER BY created_at`, [conversation.id]);
    expect(features.map((row) => row.feature)).toEqual(['transcription', 'analysis', 'embedding', 'reply']);
  });
});
