import { HumanMessage } from '@langchain/core/messages';
import { Intent } from 'src/modules/ai/analysis/turn-analysis';
import { AiProviderError } from './ai-provider.error';
import { GeminiEngine } from './gemini-engine';
import { AnalysisFallback } from './gemini-engine.options';
import { StubModelFactory, analysisOf } from 'src/modules/ai/engine/testing/engine-fixtures';
import { ScriptStep, ScriptedChatModel, httpError, jsonReply, textReply, toolCallReply } from 'src/modules/ai/engine/testing/scripted-chat-model';

const VALID = {
  intent: 'price_question',
  confidence: 0.92,
  urgent: false,
  wants_human: false,
  opt_out: false,
  opt_in: false,
  patient_name: 'Maria',
  procedure: 'limpeza',
  symptoms: [],
  sentiment: 'neutral',
  objections: ['price'],
};

describe(GeminiEngine.name, () => {
  const input = { burst: ['Oi, sou a Maria', 'quanto custa a limpeza?'], history: [] };
  const offlineResult = analysisOf({ intent: Intent.PriceQuestion, confidence: 0.6 });
  let fallback: jest.Mocked<AnalysisFallback>;
  let sleep: jest.Mock<Promise<void>, [number]>;

  beforeEach(() => {
    fallback = { analyse: jest.fn().mockReturnValue(offlineResult) };
    sleep = jest.fn().mockResolvedValue(undefined);
  });

  function engineWith(script: ScriptStep[]) {
    const chat = new ScriptedChatModel(script);
    const factory = new StubModelFactory(chat);
    const sut = new GeminiEngine(factory, fallback, { sleep, timeoutMs: 1_000 });
    return { sut, chat, factory };
  }

  describe('analyse', () => {
    it('should map valid structured output (a tool call) to a TurnAnalysis with outcome ok', async () => {
      const { sut, factory } = engineWith([toolCallReply('turn_analysis', VALID)]);

      const answer = await sut.analyse(input, 'key-1', 'gemini-2.5-flash');

      expect(answer.outcome).toBe('ok');
      expect(answer.value).toEqual({
        intent: Intent.PriceQuestion,
        confidence: 0.92,
        urgent: false,
        wantsHuman: false,
        optOut: false,
        optIn: false,
        patientName: 'Maria',
        procedure: 'limpeza',
        preferredTime: null,
        symptoms: [],
        sentiment: 'neutral',
        objections: ['price'],
      });
      expect(answer.call).toMatchObject({ provider: 'gemini', model: 'gemini-2.5-flash', promptVersion: 'analysis@1', inputTokens: 100, outputTokens: 30 });
      expect(factory.chatRequests).toEqual([{ apiKey: 'key-1', model: 'gemini-2.5-flash', temperature: 0 }]);
      expect(fallback.analyse).not.toHaveBeenCalled();
    });

    it('should accept plain JSON text as ok', async () => {
      const { sut } = engineWith([jsonReply(VALID)]);
      const answer = await sut.analyse(input, 'k', 'm');
      expect(answer.outcome).toBe('ok');
      expect(answer.value.intent).toBe(Intent.PriceQuestion);
    });

    it('should repair JSON wrapped in a code fence and prose', async () => {
      const { sut } = engineWith([textReply(`Aqui está:\n\`\`\`json\n${JSON.stringify(VALID, null, 2)}\n\`\`\``)]);
      const answer = await sut.analyse(input, 'k', 'm');
      expect(answer.outcome).toBe('repaired');
      expect(answer.value.procedure).toBe('limpeza');
    });

    it('should repair partially valid output: wrong enum casing, string numbers, missing and camelCase fields', async () => {
      const partial = { Intent: 'PRICE_QUESTION', confidence: '85%', patientName: 'Maria', sentiment: 'Positivo', objections: 'preço, medo', urgent: 'false' };
      const { sut, chat } = engineWith([jsonReply(partial)]);

      const answer = await sut.analyse(input, 'k', 'm');

      expect(answer.outcome).toBe('repaired');
      expect(answer.value).toEqual(
        analysisOf({ intent: Intent.PriceQuestion, confidence: 0.85, patientName: 'Maria', sentiment: 'positive', objections: ['price', 'fear'] }),
      );
      expect(chat.calls).toHaveLength(1);
    });

    it('should repair trailing commas and Python literals', async () => {
      const { sut } = engineWith([textReply("{'intent': 'greeting_only', 'confidence': 0.9, 'urgent': False, 'symptoms': [],}")]);
      const answer = await sut.analyse(input, 'k', 'm');
      expect(answer.outcome).toBe('repaired');
      expect(answer.value).toMatchObject({ intent: Intent.GreetingOnly, confidence: 0.9, urgent: false });
    });

    it('should force the urgent flag when the intent is urgent_symptom', async () => {
      const { sut } = engineWith([jsonReply({ ...VALID, intent: 'urgent_symptom', urgent: false })]);
      const answer = await sut.analyse(input, 'k', 'm');
      expect(answer.value).toMatchObject({ intent: Intent.UrgentSymptom, urgent: true });
    });

    it('should re-ask once with the validation error when the output is not JSON, and sum both calls', async () => {
      const { sut, chat } = engineWith([textReply('Desculpe, não entendi.'), jsonReply(VALID, { input_tokens: 200, output_tokens: 50 })]);

      const answer = await sut.analyse(input, 'k', 'm');

      expect(answer.outcome).toBe('reasked');
      expect(answer.value.intent).toBe(Intent.PriceQuestion);
      expect(chat.calls).toHaveLength(2);
      const reask = chat.calls[1];
      expect(reask[reask.length - 2].text).toBe('Desculpe, não entendi.');
      expect(reask[reask.length - 1]).toBeInstanceOf(HumanMessage);
      expect(reask[reask.length - 1].text).toContain('não contém um objeto JSON');
      expect(answer.call).toMatchObject({ inputTokens: 320, outputTokens: 90 });
    });

    it('should re-ask when the intent is not one of the eleven', async () => {
      const { sut, chat } = engineWith([jsonReply({ ...VALID, intent: 'banana' }), jsonReply(VALID)]);
      const answer = await sut.analyse(input, 'k', 'm');
      expect(answer.outcome).toBe('reasked');
      expect(chat.calls[1][chat.calls[1].length - 1].text).toContain('intent inválida: "banana"');
    });

    it('should fall back to the offline analyser when the re-ask is still invalid', async () => {
      const { sut, chat } = engineWith([textReply('nada'), textReply('{"intent": "???"}')]);

      const answer = await sut.analyse(input, 'k', 'm');

      expect(answer.outcome).toBe('fallback_offline');
      expect(answer.value).toBe(offlineResult);
      expect(fallback.analyse).toHaveBeenCalledWith(input);
      expect(chat.calls).toHaveLength(2);
      expect(answer.call?.inputTokens).toBe(240);
    });

    it('should fall back to offline when the re-ask fails for a non-key reason', async () => {
      const { sut } = engineWith([textReply('nada'), httpError(400, 'Bad Request: Request contains an invalid argument.')]);
      const answer = await sut.analyse(input, 'k', 'm');
      expect(answer.outcome).toBe('fallback_offline');
    });

    it('should throw an auth AiProviderError when the re-ask hits a revoked key', async () => {
      const { sut } = engineWith([textReply('nada'), httpError(403, 'Forbidden: PERMISSION_DENIED')]);
      await expect(sut.analyse(input, 'k', 'm')).rejects.toMatchObject({ name: 'AiProviderError', kind: 'auth' });
      expect(fallback.analyse).not.toHaveBeenCalled();
    });

    it('should throw a quota AiProviderError on the first call without retrying or falling back', async () => {
      const { sut, chat } = engineWith([httpError(429, 'Too Many Requests: Resource has been exhausted (e.g. check quota).')]);
      const error = await sut.analyse(input, 'k', 'm').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AiProviderError);
      expect(error).toMatchObject({ kind: 'quota', details: { attempts: 1, status: 429 } });
      expect(chat.calls).toHaveLength(1);
      expect(sleep).not.toHaveBeenCalled();
    });
  });
});
