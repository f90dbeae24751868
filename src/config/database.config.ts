import { registerAs } from '@nestjs/config';
import { loadEnv } from './env.validation';

export const databaseConfig = registerAs('database', () => {
  const env = loadEnv();
  return {
    host: env.DATABASE_HOST,
    port: env.DATABASE_PORT,
    user: env.DATABASE_USER,
    password: env.DATABASE_PASSWORD,
    name: env.DATABASE_NAME,
    poolSize: env.DATABASE_POOL_SIZE,
    ssl: env.DATABASE_SSL,
    logQueries: env.DATABASE_LOG_QUERIES,
  };
});
export type DatabaseConfig = ReturnType<typeof databaseConfig>;
