export * from './env.validation';
export * from './app.config';
export * from './database.config';
export * from './redis.config';
export * from './auth.config';
export * from './throttle.config';
export * from './waha.config';
export * from './ai.config';
export * from './whatsapp.config';
export * from './queue.config';
export * from './media.config';
export * from './secrets.config';

import { aiConfig } from './ai.config';
import { appConfig } from './app.config';
import { authConfig } from './auth.config';
import { databaseConfig } from './database.config';
import { redisConfig } from './redis.config';
import { throttleConfig } from './throttle.config';
import { wahaConfig } from './waha.config';
import { whatsappConfig } from './whatsapp.config';
import { queueConfig } from './queue.config';
import { mediaConfig } from './media.config';
import { secretsConfig } from './secrets.config';

export const CONFIG_NAMESPACES = [appConfig, databaseConfig, redisConfig, authConfig, throttleConfig, wahaConfig, aiConfig, whatsappConfig, queueConfig, mediaConfig, secretsConfig];
