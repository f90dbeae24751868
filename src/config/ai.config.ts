import { registerAs } from '@nestjs/config';
import { loadEnv } from './env.validation';

export const aiConfig = registerAs('ai', () => {
  const env = loadEnv();
  return {
    provider: env.AI_PROVIDER,
    geminiApiKey: env.GEMINI_API_KEY,
    geminiApiKeys: env.GEMINI_API_KEYS,
    keyQuotaCooldownSeconds: env.AI_KEY_QUOTA_COOLDOWN_SECONDS,
    keyAuthCooldownSeconds: env.AI_KEY_AUTH_COOLDOWN_SECONDS,
    maxModelCallsPerConversationPerDay: env.AI_MAX_MODEL_CALLS_PER_CONVERSATION_PER_DAY,
    modelPricesJson: env.AI_MODEL_PRICES_JSON,
    answerCacheTtlSeconds: env.AI_ANSWER_CACHE_TTL_SECONDS,
    turnSweepAfterMs: env.AI_TURN_SWEEP_AFTER_MS,
    turnRetryBackoffMs: env.AI_TURN_RETRY_BACKOFF_MS,
    callTimeoutMs: env.AI_CALL_TIMEOUT_MS,
  };
});
export type AiConfig = ReturnType<typeof aiConfig>;
