import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ProviderErrorKind } from 'src/modules/ai/keys/classify-provider-error';
import { AiModelCallEntity, ModelCallFeature, ModelCallOutcome, OFFLINE_PROVIDER } from './ai-model-call.entity';
import { ModelPriceTable } from './model-prices';

/**
 * One model call to record. Spread an engine's `ModelCallMeta` into it (`{ ...answer.call, feature, outcome }`);
 * offline answers pass `provider: 'offline'`, cache hits `outcome: 'cache_hit'`. Both cost nothing.
 */
export interface RecordModelCall {
  organizationId: string;
  conversationId?: string | null;
  feature: ModelCallFeature | `${ModelCallFeature}`;
  outcome: ModelCallOutcome | `${ModelCallOutcome}`;
  provider: string;
  model: string;
  promptVersion?: string | null;
  inputTokens?: number;
  outputTokens?: number;
  latencyMs?: number;
  /** For failed calls: what `classifyProviderError` made of the error. */
  errorKind?: ProviderErrorKind | null;
}

const INT32_MAX = 2_147_483_647;

@Injectable()
export class AiUsageService {
  private readonly logger = new Logger(AiUsageService.name);
  private readonly unpricedModels = new Set<string>();

  constructor(
    @InjectRepository(AiModelCallEntity) private readonly calls: Repository<AiModelCallEntity>,
    @Inject(ModelPriceTable) private readonly prices: ModelPriceTable,
  ) {}

  /** Never throws: losing one ledger row must not fail the patient's answer. */
  async record(call: RecordModelCall): Promise<void> {
    try {
      const inputTokens = count(call.inputTokens);
      const outputTokens = count(call.outputTokens);
      await this.calls.insert({
        organizationId: call.organizationId,
        conversationId: call.conversationId ?? null,
        feature: call.feature as ModelCallFeature,
        outcome: call.outcome as ModelCallOutcome,
        provider: call.provider.slice(0, 32),
        model: call.model.slice(0, 64),
        promptVersion: call.promptVersion?.slice(0, 32) ?? null,
        inputTokens,
        outputTokens,
        costUsd: this.costOf(call, inputTokens, outputTokens),
        latencyMs: count(call.latencyMs),
        errorKind: call.errorKind ?? null,
      });
    } catch (error) {
      this.logger.error(
        { organizationId: call.organizationId, conversationId: call.conversationId, feature: call.feature, err: error instanceof Error ? error.message : String(error) },
        'could not record AI model call',
      );
    }
  }

  private costOf(call: RecordModelCall, inputTokens: number, outputTokens: number): number {
    if (call.provider === OFFLINE_PROVIDER || call.outcome === ModelCallOutcome.CacheHit) return 0;
    const cost = this.prices.costUsd(call.model, inputTokens, outputTokens);
    if (cost !== null) return cost;
    if (!this.unpricedModels.has(call.model)) {
      this.unpricedModels.add(call.model);
      this.logger.warn({ model: call.model }, 'no price for AI model; its calls are recorded at zero cost (set AI_MODEL_PRICES_JSON)');
    }
    return 0;
  }
}

function count(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(INT32_MAX, Math.max(0, Math.round(value))) : 0;
}
