import { Logger } from '@nestjs/common';
import { Repository } from 'typeorm';
import { AiModelCallEntity, ModelCallFeature, ModelCallOutcome } from './ai-model-call.entity';
import { AiUsageService } from './ai-usage.service';
import { DEFAULT_MODEL_PRICES, ModelPriceTable } from './model-prices';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const conversationId = '5b0c7a2e-1f3d-4c8a-9e6b-2d4f6a8c0e12';

describe(AiUsageService.name, () => {
  let sut: AiUsageService;
  let calls: { insert: jest.Mock };

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    calls = { insert: jest.fn().mockResolvedValue({}) };
    sut = new AiUsageService(calls as unknown as Repository<AiModelCallEntity>, new ModelPriceTable(DEFAULT_MODEL_PRICES));
  });

  function inserted(): Partial<AiModelCallEntity> {
    return calls.insert.mock.calls[0][0] as Partial<AiModelCallEntity>;
  }

  describe('record', () => {
    it('should store an engine call with its cost from the price table', async () => {
      const call = { provider: 'gemini', model: 'gemini-2.5-flash', promptVersion: 'reply-v3', inputTokens: 2_000, outputTokens: 500, latencyMs: 1_234 };

      await sut.record({ organizationId, conversationId, feature: 'reply', outcome: 'ok', ...call });

      expect(inserted()).toEqual({
        organizationId,
        conversationId,
        feature: ModelCallFeature.Reply,
        outcome: ModelCallOutcome.Ok,
        provider: 'gemini',
        model: 'gemini-2.5-flash',
        promptVersion: 'reply-v3',
        inputTokens: 2_000,
        outputTokens: 500,
        costUsd: expect.closeTo(0.00185, 10),
        latencyMs: 1_234,
        errorKind: null,
      });
    });

    it('should record offline answers and cache hits at zero cost', async () => {
      await sut.record({ organizationId, feature: ModelCallFeature.Reply, outcome: ModelCallOutcome.Ok, provider: 'offline', model: 'offline', inputTokens: 900 });
      await sut.record({ organizationId, feature: 'reply', outcome: 'cache_hit', provider: 'gemini', model: 'gemini-2.5-pro', inputTokens: 900, outputTokens: 90 });

      expect(calls.insert.mock.calls.map(([row]) => (row as AiModelCallEntity).costUsd)).toEqual([0, 0]);
      expect(inserted()).toMatchObject({ conversationId: null, promptVersion: null, outputTokens: 0, latencyMs: 0 });
    });

    it('should record a model without a price at zero cost', async () => {
      await sut.record({ organizationId, feature: 'summary', outcome: 'ok', provider: 'gemini', model: 'gemini-99-ultra', inputTokens: 100, outputTokens: 100 });
      expect(inserted().costUsd).toBe(0);
    });

    it('should clean counts and clip strings to their columns instead of failing the insert', async () => {
      await sut.record({
        organizationId,
        feature: 'analysis',
        outcome: 'error',
        errorKind: 'quota',
        provider: 'p'.repeat(40),
        model: 'm'.repeat(80),
        promptVersion: 'v'.repeat(40),
        inputTokens: Number.NaN,
        outputTokens: -3,
        latencyMs: 12.6,
      });

      expect(inserted()).toMatchObject({ provider: 'p'.repeat(32), model: 'm'.repeat(64), promptVersion: 'v'.repeat(32), inputTokens: 0, outputTokens: 0, latencyMs: 13, errorKind: 'quota' });
    });

    it('should never throw into the caller', async () => {
      calls.insert.mockRejectedValue(new Error('database down'));
      await expect(sut.record({ organizationId, feature: 'reply', outcome: 'ok', provider: 'gemini', model: 'gemini-2.5-flash' })).resolves.toBeUndefined();
    });
  });
});
