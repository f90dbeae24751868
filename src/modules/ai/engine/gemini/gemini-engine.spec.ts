import { EmbeddingsInterface } from '@langchain/core/embeddings';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { AiProviderError } from './ai-provider.error';
import { GeminiEngine } from './gemini-engine';
import { GeminiEngineOptions } from './gemini-engine.options';
import { StubModelFactory, analysisOf, replyContextOf } from 'src/modules/ai/engine/testing/engine-fixtures';
import { ScriptStep, ScriptedChatModel, httpError, textReply } from 'src/modules/ai/engine/testing/scripted-chat-model';

describe(GeminiEngine.name, () => {
  const fallback = { analyse: jest.fn().mockReturnValue(analysisOf()) };
  let sleep: jest.Mock<Promise<void>, [number]>;

  beforeEach(() => {
    sleep = jest.fn().mockResolvedValue(undefined);
  });

  function engineWith(script: ScriptStep[], options: Partial<GeminiEngineOptions> = {}) {
    const chat = new ScriptedChatModel(script);
    const factory = new StubModelFactory(chat);
    return { sut: new GeminiEngine(factory, fallback, { sleep, timeoutMs: 1_000, ...options }), chat, factory };
  }

  describe('retries', () => {
    it('should retry transient errors with exponential backoff and then succeed', async () => {
      const { sut, chat } = engineWith([httpError(503, 'Service Unavailable'), new TypeError('fetch failed'), textReply('Olá!')]);

      const answer = await sut.reply(replyContextOf(), 'k', 'gemini-2.5-flash');

      expect(answer.value).toBe('Olá!');
      expect(chat.calls).toHaveLength(3);
      expect(sleep.mock.calls).toEqual([[500], [1_000]]);
    });

    it('should give up after three retries with a transient AiProviderError', async () => {
      const { sut, chat } = engineWith([httpError(500, 'Internal error')]);

      const error = await sut.reply(replyContextOf(), 'k', 'm').catch((e: unknown) => e);

      expect(error).toBeInstanceOf(AiProviderError);
      expect(error).toMatchObject({ kind: 'transient', details: { attempts: 4, timedOut: false, status: 500 } });
      expect(chat.calls).toHaveLength(4);
      expect(sleep).toHaveBeenCalledTimes(3);
    });

    it.each([
      ['an invalid key (400 API_KEY_INVALID)', httpError(400, 'API key not valid. Please pass a valid API key.'), 'auth'],
      ['a forbidden key (403)', httpError(403, 'Permission denied'), 'auth'],
      ['an exhausted quota (429)', httpError(429, 'Resource has been exhausted'), 'quota'],
      ['an unknown model (404)', httpError(404, 'models/gemini-9 is not found'), 'invalid_request'],
    ])('should not retry %s and classify it', async (_label, error, kind) => {
      const { sut, chat } = engineWith([error, textReply('never')]);

      await expect(sut.reply(replyContextOf(), 'k', 'm')).rejects.toMatchObject({ name: 'AiProviderError', kind, cause: error });
      expect(chat.calls).toHaveLength(1);
      expect(sleep).not.toHaveBeenCalled();
    });

    it('should time out a hung call and retry it', async () => {
      const { sut, chat } = engineWith(['hang', textReply('Oi!')], { timeoutMs: 30 });
      const answer = await sut.reply(replyContextOf(), 'k', 'm');
      expect(answer.value).toBe('Oi!');
      expect(chat.calls).toHaveLength(2);
    });

    it('should report a timeout once every attempt hangs', async () => {
      const { sut } = engineWith(['hang'], { timeoutMs: 10, retries: 1 });
      await expect(sut.reply(replyContextOf(), 'k', 'm')).rejects.toMatchObject({ kind: 'transient', details: { attempts: 2, timedOut: true } });
    });
  });

  describe('reply', () => {
    it('should send the rendered prompt and return the meta of the call', async () => {
      const { sut, chat, factory } = engineWith([textReply('A limpeza custa R$ 180,00.', { input_tokens: 900, output_tokens: 25 })]);
      const ctx = replyContextOf({ knowledge: [{ title: 'Limpeza dental', category: 'prices', content: 'Limpeza dental: R$ 180,00' }] });

      const answer = await sut.reply(ctx, 'key-2', 'gemini-2.5-flash');

      expect(answer.value).toBe('A limpeza custa R$ 180,00.');
      expect(answer.call).toMatchObject({ provider: 'gemini', model: 'gemini-2.5-flash', promptVersion: 'reply@1', inputTokens: 900, outputTokens: 25 });
      expect(answer.call?.latencyMs).toBeGreaterThanOrEqual(0);
      expect(factory.chatRequests[0]).toMatchObject({ apiKey: 'key-2', model: 'gemini-2.5-flash' });
      expect(chat.calls[0][0].text).toContain('Limpeza dental: R$ 180,00');
    });

    it('should turn Markdown into WhatsApp formatting', async () => {
      const fake = new FakeListChatModel({ responses: ['## Valores\n\n**Limpeza**: R$ 180,00\n* Clareamento: [ver tabela](https://clinica.example/precos)'] });
      const sut = new GeminiEngine(new StubModelFactory(fake), fallback, { sleep });

      const answer = await sut.reply(replyContextOf(), 'k', 'm');

      expect(answer.value).toBe('*Valores*\n\n*Limpeza*: R$ 180,00\n- Clareamento: ver tabela (https://clinica.example/precos)');
      expect(answer.call).toMatchObject({ inputTokens: 0, outputTokens: 0 });
    });

    it('should cap a long reply at a sentence boundary', async () => {
      const long = Array.from({ length: 40 }, (_, i) => `Esta é a frase número ${i + 1}.`).join(' ');
      const { sut } = engineWith([textReply(long)], { maxReplyChars: 200 });

      const answer = await sut.reply(replyContextOf(), 'k', 'm');

      expect(answer.value.length).toBeLessThanOrEqual(200);
      expect(answer.value).toMatch(/\.$/);
    });

    it('should reject an empty reply as invalid_request', async () => {
      const { sut } = engineWith([textReply('   ')]);
      await expect(sut.reply(replyContextOf(), 'k', 'm')).rejects.toMatchObject({ kind: 'invalid_request' });
    });
  });

  describe('summarise', () => {
    const conversation = [
      { direction: 'inbound' as const, body: 'Oi, sou a Maria, queria saber da limpeza' },
      { direction: 'outbound' as const, body: 'A limpeza custa R$ 180,00.' },
    ];

    it('should summarise with the summary prompt', async () => {
      const { sut, chat } = engineWith([textReply('Maria perguntou o valor da **limpeza**; prefere sábado.')]);

      const answer = await sut.summarise(conversation, 'k', 'm');

      expect(answer.value).toBe('Maria perguntou o valor da limpeza; prefere sábado.');
      expect(answer.call?.promptVersion).toBe('summary@1');
      expect(chat.calls[0][1].text).toContain('Paciente: Oi, sou a Maria, queria saber da limpeza');
    });

    it('should give an empty summary when nothing is worth remembering', async () => {
      const { sut } = engineWith([textReply('(sem informações relevantes)')]);
      expect((await sut.summarise(conversation, 'k', 'm')).value).toBe('');
    });
  });

  describe('transcribe', () => {
    const audio = Buffer.from('OggS-fake-voice-note');

    it('should attach the audio as an inline audio block with the bare mime type', async () => {
      const { sut, chat } = engineWith([textReply('Oi, queria marcar uma consulta.')]);

      const answer = await sut.transcribe(audio, 'audio/ogg; codecs=opus', 'k', 'gemini-2.5-flash');

      expect(answer.value).toBe('Oi, queria marcar uma consulta.');
      expect(answer.call?.promptVersion).toBe('transcription@1');
      const human = chat.calls[0][chat.calls[0].length - 1];
      expect(human.content).toEqual([
        { type: 'text', text: 'Transcreva o áudio anexado.' },
        { type: 'audio', mimeType: 'audio/ogg', data: audio.toString('base64') },
      ]);
    });

    it('should give null when the audio has no intelligible speech', async () => {
      const { sut } = engineWith([textReply('[inaudível]')]);
      expect((await sut.transcribe(audio, 'audio/ogg', 'k', 'm')).value).toBeNull();
    });

    it('should refuse an empty or oversized audio without calling the model', async () => {
      const { sut, chat } = engineWith([textReply('x')], { maxAudioBytes: 10 });
      await expect(sut.transcribe(Buffer.alloc(0), 'audio/ogg', 'k', 'm')).rejects.toMatchObject({ kind: 'invalid_request' });
      await expect(sut.transcribe(Buffer.alloc(11), 'audio/ogg', 'k', 'm')).rejects.toMatchObject({ kind: 'invalid_request' });
      expect(chat.calls).toHaveLength(0);
    });
  });

  describe('embed', () => {
    function embedder(documents: number[][], query: jest.Mock = jest.fn()): jest.Mocked<EmbeddingsInterface> {
      return { embedDocuments: jest.fn().mockResolvedValue(documents), embedQuery: query };
    }

    it('should embed texts with the configured model and dimensions', async () => {
      const embeddings = embedder([[0.1, 0.2], [0.3, 0.4]]);
      const factory = new StubModelFactory(new ScriptedChatModel([]), embeddings);
      const sut = new GeminiEngine(factory, fallback, { sleep, embeddingModel: 'gemini-embedding-001', embeddingDimensions: 2 });

      const answer = await sut.embed(['limpeza', 'clareamento'], 'k');

      expect(answer.value).toEqual([[0.1, 0.2], [0.3, 0.4]]);
      expect(factory.embeddingRequests).toEqual([{ apiKey: 'k', model: 'gemini-embedding-001', dimensions: 2 }]);
      expect(answer.call).toMatchObject({ provider: 'gemini', model: 'gemini-embedding-001', promptVersion: 'embedding@1' });
    });

    it('should refill vectors of a batch that failed silently', async () => {
      const embeddings = embedder([[0.1], []], jest.fn().mockResolvedValue([0.9]));
      const sut = new GeminiEngine(new StubModelFactory(new ScriptedChatModel([]), embeddings), fallback, { sleep });

      const answer = await sut.embed(['a', 'b'], 'k');

      expect(answer.value).toEqual([[0.1], [0.9]]);
      expect(embeddings.embedQuery).toHaveBeenCalledWith('b');
    });

    it('should surface the auth error a silently failed batch hid', async () => {
      const embeddings = embedder([[]], jest.fn().mockRejectedValue(httpError(400, 'API key not valid')));
      const sut = new GeminiEngine(new StubModelFactory(new ScriptedChatModel([]), embeddings), fallback, { sleep });
      await expect(sut.embed(['a'], 'k')).rejects.toMatchObject({ kind: 'auth' });
    });

    it('should not call the model for no texts', async () => {
      const embeddings = embedder([]);
      const sut = new GeminiEngine(new StubModelFactory(new ScriptedChatModel([]), embeddings), fallback, { sleep });
      expect(await sut.embed([], 'k')).toEqual({ value: [] });
      expect(embeddings.embedDocuments).not.toHaveBeenCalled();
    });
  });
});
