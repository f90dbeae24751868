import { registerAs } from '@nestjs/config';
import { loadEnv } from './env.validation';

export const wahaConfig = registerAs('waha', () => {
  const env = loadEnv();
  return {
    baseUrl: env.WAHA_BASE_URL.replace(/\/+$/, ''),
    apiKey: env.WAHA_API_KEY,
    timeoutMs: env.WAHA_TIMEOUT_MS,
  };
});
export type WahaConfig = ReturnType<typeof wahaConfig>;
