import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { REDIS_CLIENT } from 'src/common/redis/redis.module';
import { CONVERSATION_UPDATE_WINDOW_MS } from './realtime.constants';

export type ConversationFlush = (organizationId: string, conversationId: string, changes: string[]) => Promise<void>;

/**
 * At most one `conversation.updated` per conversation per window, across every process: the first update
 * of a window takes a Redis lease (SET NX PX) and flushes when the window ends; updates inside the window,
 * from any process, only add their changed fields. The flush reloads the row, so it carries the latest state
 * (trailing edge) and the union of the changes.
 */
@Injectable()
export class ConversationUpdateCoalescer implements OnModuleDestroy {
  private readonly logger = new Logger(ConversationUpdateCoalescer.name);
  private readonly timers = new Set<NodeJS.Timeout>();
  private flushHandler: ConversationFlush | null = null;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly keys: RedisConnectionFactory,
  ) {}

  onFlush(handler: ConversationFlush): void {
    this.flushHandler = handler;
  }

  async push(organizationId: string, conversationId: string, changes: string[]): Promise<void> {
    const changesKey = this.changesKey(conversationId);
    const results = await this.redis
      .multi()
      .sadd(changesKey, ...(changes.length > 0 ? changes : ['unknown']))
      .pexpire(changesKey, CONVERSATION_UPDATE_WINDOW_MS * 5)
      .set(this.keys.key('realtime', 'conversation-window', conversationId), '1', 'PX', CONVERSATION_UPDATE_WINDOW_MS, 'NX')
      .exec();
    const leased = results?.[2]?.[1] === 'OK';
    if (!leased) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.flush(organizationId, conversationId);
    }, CONVERSATION_UPDATE_WINDOW_MS);
    this.timers.add(timer);
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async flush(organizationId: string, conversationId: string): Promise<void> {
    try {
      const changesKey = this.changesKey(conversationId);
      const results = await this.redis.multi().smembers(changesKey).del(changesKey).exec();
      const changes = (results?.[0]?.[1] as string[] | undefined) ?? [];
      await this.flushHandler?.(organizationId, conversationId, changes.filter((change) => change !== 'unknown').sort());
    } catch (error) {
      this.logger.warn({ conversationId, err: error instanceof Error ? error.message : error }, 'conversation update flush failed');
    }
  }

  private changesKey(conversationId: string): string {
    return this.keys.key('realtime', 'conversation-changes', conversationId);
  }
}
