import { isAbsolute, resolve } from 'node:path';
import { registerAs } from '@nestjs/config';
import { loadEnv } from './env.validation';

export const mediaConfig = registerAs('media', () => {
  const env = loadEnv();
  return {
    storageDir: isAbsolute(env.MEDIA_STORAGE_DIR) ? env.MEDIA_STORAGE_DIR : resolve(process.cwd(), env.MEDIA_STORAGE_DIR),
    maxBytes: env.MEDIA_MAX_BYTES,
    allowedMimetypes: new Set(
      env.MEDIA_ALLOWED_MIMETYPES.split(',')
        .map((type) => type.trim().toLowerCase())
        .filter(Boolean),
    ),
  };
});
export type MediaConfig = ReturnType<typeof mediaConfig>;
