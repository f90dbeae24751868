import { Injectable, Logger } from '@nestjs/common';
import { ConversationEntity } from 'src/modules/conversations/conversation.entity';
import { BotTurnsService } from 'src/modules/conversations/bot-turns/bot-turns.service';
import { MediaStatus, MessageEntity } from 'src/modules/conversations/message.entity';
import { describeNextConfirmation } from 'src/modules/knowledge/business-hours';
import { renderClinicProfile } from 'src/modules/knowledge/clinic-profile/clinic-profile-text';
import { ClinicProfile } from 'src/modules/knowledge/clinic-profile/clinic-profile.types';
import { KnowledgeService } from 'src/modules/knowledge/knowledge.service';
import { Intent, TurnAnalysis } from '../analysis/turn-analysis';
import { AnswerCache } from '../cache/answer-cache';
import { KnowledgeEmbedder } from '../embeddings/knowledge-embedder';
import { ReplyContext } from '../engine/engine.types';
import { PROMPT_VERSIONS } from '../prompts/prompt-versions';
import { AiSettings } from '../settings/ai-settings.types';
import { TurnRetryLaterError } from './turn-errors';
import { EngineChoice, TurnModels, TurnScope } from './turn-models';

const KNOWLEDGE_SNIPPETS = 4;
const MEMORY_CONVERSATIONS = 3;
// Gemini takes inline audio up to ~20 MB per request; WhatsApp voice notes are far smaller.
const MAX_VOICE_BYTES = 10 * 1024 * 1024;

/** Questions whose answer depends only on the clinic's knowledge, not on who asks: safe to share from the cache. */
const CACHEABLE_INTENTS = new Set<Intent>([Intent.PriceQuestion, Intent.InfoQuestion]);

export interface ComposedAnswer {
  text: string;
  handoff: boolean;
}

/** Gathers what an engine needs to answer (knowledge, clinic profile, memory, persona) and the shared answer cache. */
@Injectable()
export class TurnContextBuilder {
  private readonly logger = new Logger(TurnContextBuilder.name);
  private readonly profiles = new WeakMap<TurnScope, Promise<ClinicProfile>>();

  constructor(
    private readonly knowledge: KnowledgeService,
    private readonly turns: BotTurnsService,
    private readonly models: TurnModels,
    private readonly cache: AnswerCache,
    private readonly embedder: KnowledgeEmbedder,
  ) {}

  /** The clinic profile, read once per turn (`scope` is the turn's own object) however many steps need it. */
  private profileOf(scope: TurnScope): Promise<ClinicProfile> {
    let profile = this.profiles.get(scope);
    if (!profile) {
      profile = this.knowledge.getProfile(scope.organizationId);
      this.profiles.set(scope, profile);
    }
    return profile;
  }

  async locale(scope: TurnScope): Promise<string> {
    return (await this.profileOf(scope)).locale;
  }

  async build(
    scope: TurnScope,
    engine: EngineChoice,
    conversation: ConversationEntity,
    settings: AiSettings,
    analysis: TurnAnalysis,
    burst: string[],
    history: { direction: 'inbound' | 'outbound'; body: string }[],
  ): Promise<ReplyContext> {
    const query = [...burst, analysis.procedure ?? ''].join(' ').trim();
    const queryEmbedding = engine.kind === 'gemini' && query ? await this.embedder.embedQuestion(scope.organizationId, scope.conversationId, query) : undefined;
    const [chunks, profile, memory] = await Promise.all([
      query ? this.knowledge.search(scope.organizationId, query, { limit: KNOWLEDGE_SNIPPETS, queryEmbedding }) : Promise.resolve([]),
      this.profileOf(scope),
      this.turns.patientMemory(conversation, MEMORY_CONVERSATIONS),
    ]);
    return {
      ...scope,
      burst,
      history,
      locale: profile.locale,
      timezone: profile.timezone,
      persona: settings.persona,
      clinicProfile: renderClinicProfile(profile),
      knowledge: chunks.map((chunk) => ({ title: chunk.title, category: chunk.category, content: withoutTitle(chunk.content, chunk.title) })),
      patientMemory: memory,
      analysis,
      firstReply: !history.some((line) => line.direction === 'outbound'),
    };
  }

  /** When a secretary will confirm, in the patient's words: "amanhã a partir das 8h". */
  async nextConfirmation(scope: TurnScope, now: Date): Promise<string> {
    const profile = await this.profileOf(scope);
    return describeNextConfirmation(profile.businessHours, now, profile.locale);
  }

  /**
   * The engine's answer, shared through the cache for knowledge questions: generated and cached without the
   * greeting (so one patient's first answer fits every patient), the greeting added back here.
   */
  async cachedAnswer(
    scope: TurnScope,
    engine: EngineChoice,
    ctx: ReplyContext,
    generate: (ctx: ReplyContext) => Promise<{ text: string; handoff: boolean; promptVersion: string }>,
  ): Promise<ComposedAnswer> {
    if (!CACHEABLE_INTENTS.has(ctx.analysis.intent) || ctx.analysis.urgent) return generate(ctx);
    const greeting = ctx.firstReply && ctx.persona.greeting ? `${ctx.persona.greeting}\n\n` : '';
    const question = ctx.burst.join(' ');
    const cacheScope = {
      knowledgeVersion: String((await this.profileOf(scope)).knowledgeVersion),
      promptVersion: engine.kind === 'gemini' ? `${PROMPT_VERSIONS.reply}:${engine.model}` : PROMPT_VERSIONS.offlineReply,
    };
    const cached = await this.cache.get(scope.organizationId, question, cacheScope);
    if (cached !== null) {
      await this.models.recordCacheHit(scope, cacheScope.promptVersion);
      return { text: greeting + cached, handoff: false };
    }
    const answer = await generate({ ...ctx, firstReply: false });
    if (!answer.handoff) await this.cache.set(scope.organizationId, question, cacheScope, answer.text);
    return { text: greeting + answer.text, handoff: answer.handoff };
  }

  async transcribe(scope: TurnScope, engine: EngineChoice, message: MessageEntity): Promise<string | null> {
    if (engine.kind !== 'gemini') return null;
    // The download job usually beats the turn; when it has not yet, wait for it rather than ask the patient to type.
    if (message.mediaStatus === MediaStatus.Pending) throw new TurnRetryLaterError('voice note still downloading');
    const audio = await this.turns.readMedia(message, MAX_VOICE_BYTES);
    if (!audio) return null;
    return this.models.transcribe(scope, engine, audio, message.mediaMimetype ?? 'audio/ogg', await this.locale(scope));
  }
}

/** Chunks are stored with their item's title on top (for retrieval); engines get the title separately. */
function withoutTitle(content: string, title: string): string {
  return content.startsWith(title) ? content.slice(title.length).trimStart() : content;
}
