import { registerAs } from '@nestjs/config';
import { loadEnv } from './env.validation';

export const aiConfig = registerAs('ai', () => {
  const env = loadEnv();
  return { provider: env.AI_PROVIDER, geminiApiKey: env.GEMINI_API_KEY };
});
export type AiConfig = ReturnType<typeof aiConfig>;
