import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis from 'ioredis';
import { REDIS_CLIENT } from 'src/common/redis/redis.module';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { aiConfig } from 'src/config/ai.config';
import { normalizeQuestion } from './normalize-question';

/** What the answer depends on besides the question: a change of either must miss the cache. */
export interface AnswerCacheScope {
  knowledgeVersion: string;
  promptVersion: string;
}

// Questions this short ("oi", "?") depend on the conversation, not on the clinic's knowledge.
const MIN_NORMALIZED_LENGTH = 3;

/**
 * Answers to generic questions, shared by every conversation of an organization, in Redis with a TTL.
 * The key hashes the organization, the normalised question and both versions; a per-organization
 * generation number in the key lets `invalidateOrganization` drop everything at once without a scan.
 * Cache failures are logged and treated as misses: the cache must never break an answer.
 */
@Injectable()
export class AnswerCache {
  private readonly logger = new Logger(AnswerCache.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly keys: RedisConnectionFactory,
    @Inject(aiConfig.KEY) private readonly config: ConfigType<typeof aiConfig>,
  ) {}

  async get(organizationId: string, question: string, scope: AnswerCacheScope): Promise<string | null> {
    try {
      const key = await this.keyOf(organizationId, question, scope);
      return key ? await this.redis.get(key) : null;
    } catch (error) {
      this.logger.warn({ organizationId, err: messageOf(error) }, 'answer cache read failed');
      return null;
    }
  }

  async set(organizationId: string, question: string, scope: AnswerCacheScope, answer: string): Promise<void> {
    try {
      const key = await this.keyOf(organizationId, question, scope);
      if (key && answer.trim().length > 0) await this.redis.set(key, answer, 'EX', this.config.answerCacheTtlSeconds);
    } catch (error) {
      this.logger.warn({ organizationId, err: messageOf(error) }, 'answer cache write failed');
    }
  }

  /** Forgets every cached answer of the organization (old entries expire with their TTL). */
  async invalidateOrganization(organizationId: string): Promise<void> {
    await this.redis.incr(this.generationKey(organizationId));
  }

  private async keyOf(organizationId: string, question: string, scope: AnswerCacheScope): Promise<string | null> {
    const normalized = normalizeQuestion(question);
    if (normalized.length < MIN_NORMALIZED_LENGTH) return null;
    const generation = (await this.redis.get(this.generationKey(organizationId))) ?? '0';
    return this.keys.key('ai', 'answer', organizationId, generation, answerCacheHash(organizationId, normalized, scope));
  }

  private generationKey(organizationId: string): string {
    return this.keys.key('ai', 'answer-generation', organizationId);
  }
}

/** SHA-256 of the organization, the normalised question and both versions (unambiguous: JSON-encoded). */
export function answerCacheHash(organizationId: string, normalizedQuestion: string, scope: AnswerCacheScope): string {
  return createHash('sha256')
    .update(JSON.stringify([organizationId, normalizedQuestion, scope.knowledgeVersion, scope.promptVersion]))
    .digest('hex');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
