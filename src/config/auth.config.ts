import { registerAs } from '@nestjs/config';
import { loadEnv } from './env.validation';

export const authConfig = registerAs('auth', () => {
  const env = loadEnv();
  return {
    accessSecret: env.JWT_ACCESS_SECRET,
    accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
    refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    superAdminEmail: env.SUPER_ADMIN_EMAIL,
    superAdminPassword: env.SUPER_ADMIN_PASSWORD,
    demoUserPassword: env.DEMO_USER_PASSWORD,
  };
});
export type AuthConfig = ReturnType<typeof authConfig>;
