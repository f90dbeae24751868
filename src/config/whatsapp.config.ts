import { registerAs } from '@nestjs/config';
import { loadEnv } from './env.validation';

/** Inbound and outbound messaging: send governance against bans, typing simulation, retries. */
export const whatsappConfig = registerAs('whatsapp', () => {
  const env = loadEnv();
  return {
    defaultSendRatePerMinute: env.WHATSAPP_DEFAULT_SEND_RATE_PER_MINUTE,
    defaultMinChatGapMs: env.WHATSAPP_DEFAULT_MIN_CHAT_GAP_MS,
    typingMsPerChar: env.WHATSAPP_TYPING_MS_PER_CHAR,
    typingMaxMs: env.WHATSAPP_TYPING_MAX_MS,
    sendAttempts: env.WHATSAPP_SEND_ATTEMPTS,
    sendBackoffMs: env.WHATSAPP_SEND_BACKOFF_MS,
  };
});
export type WhatsappConfig = ReturnType<typeof whatsappConfig>;
