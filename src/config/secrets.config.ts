import { registerAs } from '@nestjs/config';
import { loadEnv } from './env.validation';

export const secretsConfig = registerAs('secrets', () => {
  const env = loadEnv();
  return {
    keys: env.SECRETS_ENCRYPTION_KEYS.split(',').map((entry) => {
      const [id, key] = entry.split(':');
      return { id, key: Buffer.from(key, 'base64') };
    }),
  };
});
export type SecretsConfig = ReturnType<typeof secretsConfig>;
