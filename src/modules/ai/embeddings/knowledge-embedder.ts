import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DomainEvent, KnowledgeChangedEvent } from 'src/common/events/domain-events';
import { KnowledgeService } from 'src/modules/knowledge/knowledge.service';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { GeminiEngine } from '../engine/gemini/gemini-engine';
import { AiProviderError } from '../engine/gemini/ai-provider.error';
import { AiKeyProvider } from '../keys/ai-key-provider';
import { PROMPT_VERSIONS } from '../prompts/prompt-versions';
import { AiSettingsService } from '../settings/ai-settings.service';
import { ModelCallFeature, ModelCallOutcome } from '../usage/ai-model-call.entity';
import { AiUsageService } from '../usage/ai-usage.service';

const BATCH = 50;
// A big import is embedded over several jobs rather than one that holds the maintenance worker for minutes.
const MAX_BATCHES_PER_JOB = 20;

/**
 * Embeddings for the knowledge of organizations that answer with Gemini: computed in the background after
 * each knowledge change, and for the patient's question at answer time. Retrieval works without them (full
 * text + trigrams), so a failure only costs ranking quality, never an answer.
 */
@Injectable()
export class KnowledgeEmbedder {
  private readonly logger = new Logger(KnowledgeEmbedder.name);

  constructor(
    private readonly knowledge: KnowledgeService,
    private readonly settings: AiSettingsService,
    private readonly keys: AiKeyProvider,
    private readonly gemini: GeminiEngine,
    private readonly usage: AiUsageService,
    private readonly queues: QueueService,
  ) {}

  @OnEvent(DomainEvent.KnowledgeChanged)
  async onKnowledgeChanged(event: KnowledgeChangedEvent): Promise<void> {
    try {
      if ((await this.settings.get(event.organizationId)).engine !== 'gemini') return;
      const version = await this.knowledge.getKnowledgeVersion(event.organizationId);
      await this.queues.enqueue(JobName.EmbedKnowledge, { organizationId: event.organizationId }, { jobId: `embed-${event.organizationId}-${version}` });
    } catch (error) {
      this.logger.warn({ err: error, organizationId: event.organizationId }, 'knowledge embedding not scheduled');
    }
  }

  /** Embeds the organization's chunks that have none yet; returns how many were stored. */
  async embedPending(organizationId: string): Promise<number> {
    if ((await this.settings.get(organizationId)).engine !== 'gemini') return 0;
    let stored = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_JOB; batch += 1) {
      const chunks = await this.knowledge.listChunksWithoutEmbedding(organizationId, BATCH);
      if (chunks.length === 0) break;
      const vectors = await this.embed(organizationId, null, chunks.map((chunk) => chunk.content));
      if (!vectors) break;
      stored += await this.knowledge.saveEmbeddings(
        organizationId,
        chunks.map((chunk, index) => ({ chunkId: chunk.chunkId, embedding: vectors.value[index], model: vectors.model })),
      );
    }
    return stored;
  }

  /** The question's vector for retrieval, or undefined when there is no key or the call fails. */
  async embedQuestion(organizationId: string, conversationId: string, question: string): Promise<number[] | undefined> {
    return (await this.embed(organizationId, conversationId, [question]))?.value[0];
  }

  private async embed(organizationId: string, conversationId: string | null, texts: string[]): Promise<{ value: number[][]; model: string } | null> {
    const key = await this.keys.acquire(organizationId);
    if (!key) return null;
    const started = performance.now();
    try {
      const answer = await this.gemini.embed(texts, key.apiKey);
      await this.keys.reportSuccess(key);
      const model = answer.call?.model ?? 'gemini-embedding';
      await this.usage.record({ organizationId, conversationId, feature: ModelCallFeature.Embedding, outcome: ModelCallOutcome.Ok, provider: 'gemini', model, promptVersion: PROMPT_VERSIONS.embedding, ...answer.call });
      return { value: answer.value, model };
    } catch (error) {
      const kind = error instanceof AiProviderError ? error.kind : 'transient';
      if (kind === 'auth' || kind === 'quota') await this.keys.reportFailure(key, kind);
      await this.usage.record({
        organizationId,
        conversationId,
        feature: ModelCallFeature.Embedding,
        outcome: ModelCallOutcome.Error,
        provider: 'gemini',
        model: 'embedding',
        promptVersion: PROMPT_VERSIONS.embedding,
        latencyMs: Math.round(performance.now() - started),
        errorKind: kind,
      });
      this.logger.warn({ err: error instanceof Error ? error.message : error, organizationId }, 'embedding failed');
      return null;
    }
  }
}
