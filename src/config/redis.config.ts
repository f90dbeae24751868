import { registerAs } from '@nestjs/config';
import { loadEnv } from './env.validation';

export const redisConfig = registerAs('redis', () => {
  const env = loadEnv();
  return {
    host: env.REDIS_HOST,
    port: env.REDIS_PORT,
    password: env.REDIS_PASSWORD,
    db: env.REDIS_DB,
    // Every key this service writes starts with it, so parallel runs on one Redis never collide.
    keyPrefix: env.REDIS_KEY_PREFIX,
  };
});
export type RedisConfig = ReturnType<typeof redisConfig>;
