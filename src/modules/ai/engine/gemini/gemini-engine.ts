import { BaseMessage } from '@langchain/core/messages';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { AnalysisInput, TurnAnalysis } from 'src/modules/ai/analysis/turn-analysis';
import { EngineAnswer, ReplyContext } from 'src/modules/ai/engine/engine.types';
import { capLength, toWhatsappText } from 'src/modules/ai/engine/whatsapp-text';
import { PROMPT_VERSIONS } from 'src/modules/ai/prompts/prompt-versions';
import { ConversationLine } from 'src/modules/ai/prompts/prompt.types';
import { renderReplyPrompt } from 'src/modules/ai/prompts/reply.prompt';
import { EMPTY_SUMMARY_MARKER, renderSummaryPrompt } from 'src/modules/ai/prompts/summary.prompt';
import { INAUDIBLE_MARKER, renderTranscriptionPrompt } from 'src/modules/ai/prompts/transcription.prompt';
import { AiProviderError } from './ai-provider.error';
import { CallResult, realSleep, runWithRetry } from './call-runner';
import { AnalysisOutcome, runAnalysis } from './gemini-analysis';
import {
  ANALYSIS_FALLBACK,
  AnalysisFallback,
  DEFAULT_GEMINI_ENGINE_OPTIONS,
  GEMINI_ENGINE_OPTIONS,
  GeminiEngineOptions,
} from './gemini-engine.options';
import { GEMINI_MODEL_FACTORY, GeminiModelFactory } from './gemini-model.factory';
import { GEMINI_PROVIDER, callMeta, textOf } from './model-call-meta';

export interface AnalysisAnswer extends EngineAnswer<TurnAnalysis> {
  outcome: AnalysisOutcome;
}

/**
 * Gemini through LangChain. The key and model come with every call (the orchestration picks them per organization
 * and benches failing keys); failures surface as `AiProviderError` after transient retries.
 */
@Injectable()
export class GeminiEngine {
  private readonly options: GeminiEngineOptions;

  constructor(
    @Inject(GEMINI_MODEL_FACTORY) private readonly models: GeminiModelFactory,
    @Inject(ANALYSIS_FALLBACK) private readonly fallback: AnalysisFallback,
    @Optional() @Inject(GEMINI_ENGINE_OPTIONS) options?: Partial<GeminiEngineOptions>,
  ) {
    this.options = { ...DEFAULT_GEMINI_ENGINE_OPTIONS, ...options };
  }

  async analyse(input: AnalysisInput, apiKey: string, model: string, locale?: string): Promise<AnalysisAnswer> {
    const chat = this.models.chatModel({ apiKey, model, temperature: 0 });
    const result = await runAnalysis(chat, (call) => this.run(call), this.fallback, input, locale);
    return {
      value: result.analysis,
      outcome: result.outcome,
      call: callMeta(model, PROMPT_VERSIONS.analysis, result.responses, result.latencyMs),
    };
  }

  /** WhatsApp-ready text: Markdown the app would show raw is converted and the length capped. */
  async reply(ctx: ReplyContext, apiKey: string, model: string): Promise<EngineAnswer<string>> {
    const prompt = await renderReplyPrompt(ctx);
    const { message, meta } = await this.invokeText(prompt, apiKey, model, PROMPT_VERSIONS.reply);
    const text = capLength(toWhatsappText(textOf(message)), this.options.maxReplyChars);
    if (!text) throw new AiProviderError('invalid_request', new Error('Gemini returned an empty reply'));
    return { value: text, call: meta };
  }

  /** A short memory of the conversation; empty when nothing is worth remembering. */
  async summarise(messages: ConversationLine[], apiKey: string, model: string, locale?: string): Promise<EngineAnswer<string>> {
    const prompt = await renderSummaryPrompt(messages, locale);
    const { message, meta } = await this.invokeText(prompt, apiKey, model, PROMPT_VERSIONS.summary);
    const text = toWhatsappText(textOf(message)).replace(/\*/g, '');
    const value = text === EMPTY_SUMMARY_MARKER ? '' : capLength(text, this.options.maxSummaryChars);
    return { value, call: meta };
  }

  /** The voice note's words, or null when it holds no intelligible speech (ask the patient to type instead). */
  async transcribe(audio: Buffer, mimetype: string, apiKey: string, model: string, locale?: string): Promise<EngineAnswer<string | null>> {
    if (audio.length === 0 || audio.length > this.options.maxAudioBytes) {
      throw new AiProviderError('invalid_request', new Error(`audio of ${audio.length} bytes is outside 1..${this.options.maxAudioBytes}`));
    }
    const prompt = await renderTranscriptionPrompt(audio, mimetype, locale);
    const { message, meta } = await this.invokeText(prompt, apiKey, model, PROMPT_VERSIONS.transcription, 0);
    const text = textOf(message).replace(/\s+/g, ' ').trim();
    const inaudible = !text || text.toLowerCase().includes(INAUDIBLE_MARKER);
    return { value: inaudible ? null : capLength(text, this.options.maxTranscriptChars), call: meta };
  }

  /** One vector per text, in order. Gemini's embedding API reports no token usage, so the meta shows 0 tokens. */
  async embed(texts: string[], apiKey: string): Promise<EngineAnswer<number[][]>> {
    const model = this.options.embeddingModel;
    if (texts.length === 0) return { value: [] };
    const embeddings = this.models.embeddings({ apiKey, model, dimensions: this.options.embeddingDimensions });
    const batch = await this.run(() => embeddings.embedDocuments(texts));
    let latencyMs = batch.latencyMs;
    const vectors = [...batch.value];
    // embedDocuments turns a failed batch into empty vectors; one single call either fills the gap or surfaces
    // the real error (bad key, quota) that the batch swallowed.
    for (const [i, vector] of vectors.entries()) {
      if (vector.length > 0) continue;
      const single = await this.run(() => embeddings.embedQuery(texts[i]));
      if (single.value.length === 0) throw new AiProviderError('invalid_request', new Error('Gemini returned an empty embedding'));
      vectors[i] = single.value;
      latencyMs += single.latencyMs;
    }
    const call = { provider: GEMINI_PROVIDER, model, promptVersion: PROMPT_VERSIONS.embedding, inputTokens: 0, outputTokens: 0, latencyMs };
    return { value: vectors, call };
  }

  private async invokeText(prompt: BaseMessage[], apiKey: string, model: string, promptVersion: string, temperature = this.options.replyTemperature) {
    const chat = this.models.chatModel({ apiKey, model, temperature });
    const result = await this.run((signal) => chat.invoke(prompt, { signal }));
    return { message: result.value, meta: callMeta(model, promptVersion, [result.value], result.latencyMs) };
  }

  private run<T>(call: (signal: AbortSignal) => Promise<T>): Promise<CallResult<T>> {
    return runWithRetry(call, this.options, this.options.sleep ?? realSleep);
  }
}
