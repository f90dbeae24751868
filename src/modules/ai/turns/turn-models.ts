import { Inject, Injectable, Logger } from '@nestjs/common';
import { AnalysisInput, TurnAnalysis } from '../analysis/turn-analysis';
import { EngineAnswer, ReplyContext } from '../engine/engine.types';
import { AiProviderError } from '../engine/gemini/ai-provider.error';
import { GeminiEngine } from '../engine/gemini/gemini-engine';
import { ANALYSIS_FALLBACK, AnalysisFallback } from '../engine/gemini/gemini-engine.options';
import { OfflineReplyComposer } from '../engine/offline/offline-reply-composer';
import { AcquiredKey, AiKeyProvider } from '../keys/ai-key-provider';
import { PROMPT_VERSIONS } from '../prompts/prompt-versions';
import { AiSettings } from '../settings/ai-settings.types';
import { ModelCallFeature, ModelCallOutcome, OFFLINE_PROVIDER } from '../usage/ai-model-call.entity';
import { AiLimitsService } from '../usage/ai-limits.service';
import { AiUsageService } from '../usage/ai-usage.service';

/** Which engine answers this turn, and with which key. */
export type EngineChoice = { kind: 'offline'; reason: 'configured' | 'no_key' | 'over_budget' } | { kind: 'gemini'; model: string; key: AcquiredKey };

export interface TurnScope {
  organizationId: string;
  conversationId: string;
}

/** The model gave up on a reply (after its own retries and one other key): the turn falls back. */
export class ReplyFailedError extends Error {
  override readonly name = 'ReplyFailedError';
}

// One retry with another key covers a benched or revoked key without looping over a whole key ring.
const KEY_ATTEMPTS = 2;

/**
 * The turn's access to models: picks the engine within the organization's limits, rotates and benches keys,
 * records every call (model or offline) with its prompt version, and falls back to the offline analyser.
 */
@Injectable()
export class TurnModels {
  private readonly logger = new Logger(TurnModels.name);

  constructor(
    private readonly gemini: GeminiEngine,
    @Inject(ANALYSIS_FALLBACK) private readonly offlineAnalyser: AnalysisFallback,
    private readonly offlineComposer: OfflineReplyComposer,
    private readonly keys: AiKeyProvider,
    private readonly limits: AiLimitsService,
    private readonly usage: AiUsageService,
  ) {}

  /** Null when the conversation used up its daily model calls (the caller hands off). */
  async choose(scope: TurnScope, settings: AiSettings): Promise<EngineChoice | null> {
    if (settings.engine !== 'gemini') return { kind: 'offline', reason: 'configured' };
    const cap = await this.limits.checkConversationDailyCap(scope.organizationId, scope.conversationId);
    if (!cap.allowed) return null;
    const budget = await this.limits.checkMonthlyBudget(scope.organizationId);
    if (!budget.withinBudget) return { kind: 'offline', reason: 'over_budget' };
    const key = await this.keys.acquire(scope.organizationId);
    return key ? { kind: 'gemini', model: settings.model, key } : { kind: 'offline', reason: 'no_key' };
  }

  async analyse(scope: TurnScope, choice: EngineChoice, input: AnalysisInput, locale: string): Promise<TurnAnalysis> {
    if (choice.kind === 'gemini') {
      try {
        const answer = await this.withKeys(scope, choice, ModelCallFeature.Analysis, PROMPT_VERSIONS.analysis, (key) =>
          this.gemini.analyse(input, key.apiKey, choice.model, locale),
        );
        return answer.value;
      } catch (error) {
        this.logger.warn({ err: describe(error), conversationId: scope.conversationId }, 'model analysis failed; using the offline analyser');
      }
    }
    // Rules, not a model call: nothing to record (offline replies are recorded, for the cache hit rate).
    return this.offlineAnalyser.analyse(input);
  }

  /** Throws ReplyFailedError when the model could not answer. */
  async reply(scope: TurnScope, choice: EngineChoice, ctx: ReplyContext): Promise<{ text: string; handoff: boolean; promptVersion: string }> {
    if (choice.kind === 'gemini') {
      try {
        const answer = await this.withKeys(scope, choice, ModelCallFeature.Reply, PROMPT_VERSIONS.reply, (key) => this.gemini.reply(ctx, key.apiKey, choice.model));
        return { text: answer.value, handoff: false, promptVersion: PROMPT_VERSIONS.reply };
      } catch (error) {
        throw new ReplyFailedError(describe(error));
      }
    }
    const started = performance.now();
    const composed = this.offlineComposer.compose(ctx);
    await this.recordOffline(scope, ModelCallFeature.Reply, composed.promptVersion, started);
    return { text: composed.value, handoff: composed.handoff, promptVersion: composed.promptVersion };
  }

  async transcribe(scope: TurnScope, choice: EngineChoice, audio: Buffer, mimetype: string, locale: string): Promise<string | null> {
    if (choice.kind !== 'gemini') return null;
    try {
      const answer = await this.withKeys(scope, choice, ModelCallFeature.Transcription, PROMPT_VERSIONS.transcription, (key) =>
        this.gemini.transcribe(audio, mimetype, key.apiKey, choice.model, locale),
      );
      return answer.value;
    } catch (error) {
      this.logger.warn({ err: describe(error), conversationId: scope.conversationId }, 'voice note not transcribed');
      return null;
    }
  }

  async recordCacheHit(scope: TurnScope, promptVersion: string): Promise<void> {
    await this.usage.record({ ...scope, feature: ModelCallFeature.Reply, outcome: ModelCallOutcome.CacheHit, provider: 'cache', model: 'cache', promptVersion, latencyMs: 0 });
  }

  /**
   * Calls the model with the chosen key; an auth or quota failure benches that key and tries the next one
   * once. Every attempt is recorded, failures included.
   */
  private async withKeys<T>(
    scope: TurnScope,
    choice: Extract<EngineChoice, { kind: 'gemini' }>,
    feature: ModelCallFeature,
    promptVersion: string,
    call: (key: AcquiredKey) => Promise<EngineAnswer<T>>,
  ): Promise<EngineAnswer<T>> {
    let key: AcquiredKey | null = choice.key;
    let lastError: unknown = null;
    for (let attempt = 0; attempt < KEY_ATTEMPTS && key; attempt += 1) {
      const started = performance.now();
      try {
        const answer = await call(key);
        await this.keys.reportSuccess(key);
        await this.usage.record({ ...scope, ...answer.call, provider: answer.call?.provider ?? 'gemini', model: answer.call?.model ?? choice.model, feature, outcome: ModelCallOutcome.Ok });
        return answer;
      } catch (error) {
        lastError = error;
        const kind = error instanceof AiProviderError ? error.kind : 'transient';
        await this.usage.record({
          ...scope,
          feature,
          provider: 'gemini',
          model: choice.model,
          promptVersion,
          latencyMs: Math.round(performance.now() - started),
          outcome: error instanceof AiProviderError && error.details.timedOut ? ModelCallOutcome.Timeout : ModelCallOutcome.Error,
          errorKind: kind,
        });
        if (kind !== 'auth' && kind !== 'quota') break;
        await this.keys.reportFailure(key, kind);
        key = await this.keys.acquire(scope.organizationId);
      }
    }
    throw lastError ?? new Error('no usable AI key');
  }

  private async recordOffline(scope: TurnScope, feature: ModelCallFeature, promptVersion: string, started: number): Promise<void> {
    await this.usage.record({
      ...scope,
      feature,
      outcome: ModelCallOutcome.Ok,
      provider: OFFLINE_PROVIDER,
      model: OFFLINE_PROVIDER,
      promptVersion,
      latencyMs: Math.round(performance.now() - started),
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
