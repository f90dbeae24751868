import { registerAs } from '@nestjs/config';
import { loadEnv } from './env.validation';

export const throttleConfig = registerAs('throttle', () => {
  const env = loadEnv();
  return {
    orgLimitPerMinute: env.THROTTLE_ORG_LIMIT_PER_MINUTE,
    loginLimitPerMinute: env.THROTTLE_LOGIN_LIMIT_PER_MINUTE,
    registerLimitPerHour: env.THROTTLE_REGISTER_LIMIT_PER_HOUR,
  };
});
export type ThrottleConfig = ReturnType<typeof throttleConfig>;
