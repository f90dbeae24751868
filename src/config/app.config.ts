import { registerAs } from '@nestjs/config';
import { loadEnv } from './env.validation';

export const appConfig = registerAs('app', () => {
  const env = loadEnv();
  return {
    nodeEnv: env.NODE_ENV,
    role: env.APP_ROLE,
    port: env.PORT,
    host: env.HOST,
    corsOrigins: env.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    logLevel: env.LOG_LEVEL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    swaggerEnabled: env.SWAGGER_ENABLED,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    realtimeTokenRecheckMs: env.REALTIME_TOKEN_RECHECK_MS,
  };
});
export type AppConfig = ReturnType<typeof appConfig>;
