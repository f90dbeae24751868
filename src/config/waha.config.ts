import { registerAs } from '@nestjs/config';
import { loadEnv } from './env.validation';

export const wahaConfig = registerAs('waha', () => {
  const env = loadEnv();
  return {
    baseUrl: env.WAHA_BASE_URL.replace(/\/+$/, ''),
    apiKey: env.WAHA_API_KEY,
    timeoutMs: env.WAHA_TIMEOUT_MS,
    webhookUrl: env.WAHA_WEBHOOK_URL,
    sessionCheckIntervalMs: env.WAHA_SESSION_CHECK_INTERVAL_SECONDS * 1_000,
    maxRestartAttempts: env.WAHA_MAX_RESTART_ATTEMPTS,
  };
});
export type WahaConfig = ReturnType<typeof wahaConfig>;
