import { Intent } from 'src/modules/ai/analysis/turn-analysis';
import { GeminiEngine } from './gemini-engine';
import { LangChainGeminiModelFactory } from './gemini-model.factory';
import { analysisOf, replyContextOf } from 'src/modules/ai/engine/testing/engine-fixtures';
import { FakeGeminiServer, apiError, candidateText } from 'src/modules/ai/engine/testing/fake-gemini.server';

/**
 * The engine with the real `ChatGoogleGenerativeAI` and `GoogleGenerativeAIEmbeddings`, against a fake Generative
 * Language API on loopback: checks what actually goes over the wire and how real client errors are classified.
 */
describe(`${GeminiEngine.name} with the real LangChain Gemini client`, () => {
  const server = new FakeGeminiServer();
  const fallback = { analyse: jest.fn().mockReturnValue(analysisOf()) };
  const sleep = jest.fn().mockResolvedValue(undefined);
  let sut: GeminiEngine;

  beforeAll(async () => {
    const baseUrl = await server.start();
    sut = new GeminiEngine(new LangChainGeminiModelFactory(baseUrl), fallback, { sleep, timeoutMs: 5_000 });
  });

  afterAll(() => server.stop());

  beforeEach(() => sleep.mockClear());

  const VALID = { intent: 'booking', confidence: 0.9, urgent: false, wants_human: false, opt_out: false, opt_in: false, preferred_time: 'sábado de manhã', symptoms: [], sentiment: 'positive', objections: [] };

  it('should ask for JSON with a schema Gemini accepts and read the structured answer', async () => {
    server.respond(candidateText(JSON.stringify(VALID)));

    const answer = await sut.analyse({ burst: ['quero marcar sábado de manhã'] }, 'org-key', 'gemini-2.5-flash');

    expect(answer.outcome).toBe('ok');
    expect(answer.value).toMatchObject({ intent: Intent.Booking, preferredTime: 'sábado de manhã', patientName: null });
    expect(answer.call).toMatchObject({ provider: 'gemini', model: 'gemini-2.5-flash', promptVersion: 'analysis@1', inputTokens: 321, outputTokens: 45 });
    const [request] = server.requests;
    expect(request.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(request.apiKey).toBe('org-key');
    const body = request.body as { generationConfig: { responseMimeType: string; responseSchema: unknown; temperature: number } };
    expect(body.generationConfig).toMatchObject({ responseMimeType: 'application/json', temperature: 0 });
    // Gemini's Schema proto has a single `type`; a list (from `.nullable()`) is a 400 for every request.
    const schema = JSON.stringify(body.generationConfig.responseSchema);
    expect(schema).not.toMatch(/"type":\[/);
    expect(schema).not.toMatch(/additionalProperties|\$schema/);
  });

  it('should count thinking tokens as output tokens', async () => {
    server.respond({
      status: 200,
      body: {
        candidates: [{ content: { role: 'model', parts: [{ text: 'Oi!' }] }, finishReason: 'STOP', index: 0 }],
        usageMetadata: { promptTokenCount: 500, candidatesTokenCount: 20, thoughtsTokenCount: 300, totalTokenCount: 820 },
      },
    });
    const answer = await sut.reply(replyContextOf(), 'k', 'gemini-2.5-flash');
    expect(answer.call).toMatchObject({ inputTokens: 500, outputTokens: 320 });
  });

  it('should repair a fenced answer that LangChain could not parse', async () => {
    server.respond(candidateText(`\`\`\`json\n${JSON.stringify({ ...VALID, intent: 'Booking' })}\n\`\`\``));
    const answer = await sut.analyse({ burst: ['quero marcar'] }, 'k', 'gemini-2.5-flash');
    expect(answer.outcome).toBe('repaired');
    expect(answer.value.intent).toBe(Intent.Booking);
  });

  it('should send the reply prompt with a system instruction and strip Markdown from the answer', async () => {
    server.respond(candidateText('**Claro!** A limpeza custa R$ 180,00.'));

    const answer = await sut.reply(replyContextOf(), 'k', 'gemini-2.5-flash');

    expect(answer.value).toBe('*Claro!* A limpeza custa R$ 180,00.');
    const body = server.requests[0].body as { systemInstruction: { parts: { text: string }[] }; contents: unknown[] };
    expect(body.systemInstruction.parts[0].text).toContain('Você é Clara');
    expect(body.contents).toHaveLength(1);
  });

  it.each([
    ['an invalid key', apiError(400, 'API key not valid. Please pass a valid API key.', 'API_KEY_INVALID'), 'auth'],
    ['a forbidden key', apiError(403, 'Permission denied: Consumer has been suspended.'), 'auth'],
    ['an exhausted quota', apiError(429, 'You exceeded your current quota, please check your plan and billing details.'), 'quota'],
    ['a bad request', apiError(400, 'Request contains an invalid argument.'), 'invalid_request'],
  ])('should classify %s from the real client without retrying', async (_label, response, kind) => {
    server.respond(response);
    await expect(sut.reply(replyContextOf(), 'k', 'gemini-2.5-flash')).rejects.toMatchObject({ name: 'AiProviderError', kind });
    expect(server.requests).toHaveLength(1);
  });

  it('should retry a 503 from the real client and succeed', async () => {
    server.respond(apiError(503, 'The model is overloaded. Please try again later.'), apiError(503, 'overloaded'), candidateText('Oi!'));
    const answer = await sut.reply(replyContextOf(), 'k', 'gemini-2.5-flash');
    expect(answer.value).toBe('Oi!');
    expect(server.requests).toHaveLength(3);
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it('should send a voice note as inline audio data', async () => {
    server.respond(candidateText('Queria marcar uma consulta.'));
    const audio = Buffer.from('OggS voice note bytes');

    const answer = await sut.transcribe(audio, 'audio/ogg; codecs=opus', 'k', 'gemini-2.5-flash');

    expect(answer.value).toBe('Queria marcar uma consulta.');
    const body = server.requests[0].body as { contents: { parts: unknown[] }[] };
    expect(body.contents[0].parts).toContainEqual({ inlineData: { mimeType: 'audio/ogg', data: audio.toString('base64') } });
  });

  it('should embed through batchEmbedContents with the configured dimensions', async () => {
    server.respond({ status: 200, body: { embeddings: [{ values: [0.1, 0.2] }, { values: [0.3, 0.4] }] } });

    const answer = await sut.embed(['limpeza', 'clareamento'], 'k');

    expect(answer.value).toEqual([[0.1, 0.2], [0.3, 0.4]]);
    const [request] = server.requests;
    expect(request.path).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents');
    expect(request.body).toMatchObject({ requests: [{ outputDimensionality: 768 }, { outputDimensionality: 768 }] });
  });

  it('should surface an auth error that the embeddings batch swallowed', async () => {
    server.respond(apiError(400, 'API key not valid. Please pass a valid API key.', 'API_KEY_INVALID'));
    await expect(sut.embed(['limpeza'], 'bad-key')).rejects.toMatchObject({ kind: 'auth' });
    expect(server.requests.map((r) => r.path)).toEqual([
      '/v1beta/models/gemini-embedding-001:batchEmbedContents',
      '/v1beta/models/gemini-embedding-001:embedContent',
    ]);
  });
});
