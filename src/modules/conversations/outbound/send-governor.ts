import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis from 'ioredis';
import { whatsappConfig } from 'src/config/whatsapp.config';
import { REDIS_CLIENT } from 'src/common/redis/redis.module';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';

/**
 * Token bucket per WhatsApp number plus a minimum gap per chat, in one atomic script so every worker
 * process shares the budget. Returns 0 when the send may go now (and takes the token), else the wait in ms.
 * Redis' own clock is used, so workers with skewed clocks still agree.
 */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local gapMs = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local gapLeft = redis.call('PTTL', KEYS[2])
if gapLeft > 0 then return gapLeft end
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + (now - at) * perMs)
if tokens < 1 then
  redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
  return math.ceil((1 - tokens) / perMs)
end
redis.call('HSET', KEYS[1], 'tokens', tokens - 1, 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / perMs) + 1000)
if gapMs > 0 then redis.call('SET', KEYS[2], '1', 'PX', gapMs) end
return 0`;

// Fixed intervals look automated to WhatsApp; waits get up to this much random extra.
const MAX_JITTER_MS = 1_500;

export interface SendBudget {
  ratePerMinute: number;
  minChatGapMs: number;
}

@Injectable()
export class SendGovernor {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly keys: RedisConnectionFactory,
    @Inject(whatsappConfig.KEY) private readonly config: ConfigType<typeof whatsappConfig>,
  ) {}

  budgetOf(settings: { sendRatePerMinute: number | null; minChatGapMs: number | null }): SendBudget {
    return {
      ratePerMinute: settings.sendRatePerMinute ?? this.config.defaultSendRatePerMinute,
      minChatGapMs: settings.minChatGapMs ?? this.config.defaultMinChatGapMs,
    };
  }

  /** 0 = send now (a token was taken); otherwise how long to wait before asking again, jitter included. */
  async take(sessionId: string, conversationId: string, budget: SendBudget): Promise<number> {
    const wait = Number(
      await this.redis.eval(
        TAKE_SCRIPT,
        2,
        this.keys.key('send', 'bucket', sessionId),
        this.keys.key('send', 'gap', conversationId),
        budget.ratePerMinute,
        budget.ratePerMinute / 60_000,
        budget.minChatGapMs,
      ),
    );
    return wait <= 0 ? 0 : wait + Math.floor(Math.random() * Math.min(MAX_JITTER_MS, wait));
  }

  /** How long the typing indicator shows before a bot reply: proportional to its length, capped. */
  typingMs(text: string | null): number {
    return Math.min(this.config.typingMaxMs, (text?.length ?? 0) * this.config.typingMsPerChar);
  }
}
