import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsJSON,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

export const APP_ROLES = ['all', 'api', 'worker'] as const;
export type AppRole = (typeof APP_ROLES)[number];
export const AI_PROVIDERS = ['offline', 'gemini'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const toBoolean = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;

/**
 * Every environment variable the service reads. Defaults make a fresh machine work with no `.env`;
 * `.env.example` must list each property (a unit test enforces it).
 */
export class EnvironmentVariables {
  // app
  @IsIn(['development', 'production', 'test']) NODE_ENV: string = 'development';
  @IsIn(APP_ROLES) APP_ROLE: AppRole = 'all';
  @Type(() => Number) @IsInt() @Min(0) @Max(65535) PORT: number = 3000;
  @IsString() HOST: string = '0.0.0.0';
  @IsString() CORS_ORIGINS: string = 'http://localhost:5173';
  @IsIn(LOG_LEVELS) LOG_LEVEL: string = 'info';
  @Type(() => Number) @IsInt() @Min(1024) BODY_LIMIT_BYTES: number = 1_048_576;
  @Transform(toBoolean) @IsBoolean() TRUST_PROXY: boolean = false;
  @Transform(toBoolean) @IsBoolean() SWAGGER_ENABLED: boolean = true;
  @Type(() => Number) @IsInt() @Min(0) SHUTDOWN_TIMEOUT_MS: number = 10_000;
  // How often a live-feed socket's access token is checked again (logout, deactivation, suspension end the feed).
  @Type(() => Number) @IsInt() @Min(100) @Max(600_000) REALTIME_TOKEN_RECHECK_MS: number = 15_000;

  // database
  @IsString() DATABASE_HOST: string = '127.0.0.1';
  @Type(() => Number) @IsInt() @Min(1) @Max(65535) DATABASE_PORT: number = 5432;
  @IsString() DATABASE_USER: string = 'robbot';
  @IsString() DATABASE_PASSWORD: string = 'robbot';
  @Matches(/^[a-z0-9_]+$/i, { message: 'DATABASE_NAME may only contain letters, digits and underscores' })
  DATABASE_NAME: string = 'robbot';
  @Type(() => Number) @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE: number = 20;
  @Transform(toBoolean) @IsBoolean() DATABASE_SSL: boolean = false;
  @Transform(toBoolean) @IsBoolean() DATABASE_LOG_QUERIES: boolean = false;

  // redis
  @IsString() REDIS_HOST: string = '127.0.0.1';
  @Type(() => Number) @IsInt() @Min(1) @Max(65535) REDIS_PORT: number = 6379;
  @IsOptional() @IsString() REDIS_PASSWORD?: string;
  @Type(() => Number) @IsInt() @Min(0) @Max(15) REDIS_DB: number = 0;
  @Matches(/^[A-Za-z0-9_.-]*$/, { message: 'REDIS_KEY_PREFIX may only contain letters, digits, "_", "." and "-"' })
  REDIS_KEY_PREFIX: string = 'robbot';

  // auth
  @IsString() @MinLength(32) JWT_ACCESS_SECRET: string = 'dev-only-access-secret-change-me-0123456789';
  @Type(() => Number) @IsInt() @Min(60) @Max(86_400) JWT_ACCESS_TTL_SECONDS: number = 900;
  @Type(() => Number) @IsInt() @Min(1) @Max(365) REFRESH_TOKEN_TTL_DAYS: number = 30;
  @IsEmail() SUPER_ADMIN_EMAIL: string = 'superadmin@robbot.local';
  @IsString() @MinLength(10) SUPER_ADMIN_PASSWORD: string = 'Robbot-Super-2026';
  @IsString() @MinLength(10) DEMO_USER_PASSWORD: string = 'Robbot-Demo-2026';

  // throttling
  @Type(() => Number) @IsInt() @Min(1) THROTTLE_ORG_LIMIT_PER_MINUTE: number = 1000;
  @Type(() => Number) @IsInt() @Min(1) THROTTLE_LOGIN_LIMIT_PER_MINUTE: number = 5;
  @Type(() => Number) @IsInt() @Min(1) THROTTLE_REGISTER_LIMIT_PER_HOUR: number = 10;

  // waha
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) WAHA_BASE_URL: string = 'http://127.0.0.1:3001';
  @IsOptional() @IsString() WAHA_API_KEY?: string;
  @Type(() => Number) @IsInt() @Min(100) WAHA_TIMEOUT_MS: number = 10_000;
  /** Where WAHA can reach our webhook; written into each session's config. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  WAHA_WEBHOOK_URL: string = 'http://127.0.0.1:3000/api/v1/webhooks/waha';
  @Type(() => Number) @IsInt() @Min(10) WAHA_SESSION_CHECK_INTERVAL_SECONDS: number = 300;
  @Type(() => Number) @IsInt() @Min(1) @Max(20) WAHA_MAX_RESTART_ATTEMPTS: number = 5;

  // whatsapp (inbound and outbound messaging)
  @Type(() => Number) @IsInt() @Min(1) @Max(600) WHATSAPP_DEFAULT_SEND_RATE_PER_MINUTE: number = 20;
  @Type(() => Number) @IsInt() @Min(0) @Max(600_000) WHATSAPP_DEFAULT_MIN_CHAT_GAP_MS: number = 1_500;
  @Type(() => Number) @IsInt() @Min(0) @Max(1_000) WHATSAPP_TYPING_MS_PER_CHAR: number = 35;
  @Type(() => Number) @IsInt() @Min(0) @Max(60_000) WHATSAPP_TYPING_MAX_MS: number = 4_000;
  @Type(() => Number) @IsInt() @Min(1) @Max(8) WHATSAPP_SEND_ATTEMPTS: number = 8;
  @Type(() => Number) @IsInt() @Min(10) WHATSAPP_SEND_BACKOFF_MS: number = 5_000;
  @Type(() => Number) @IsInt() @Min(1_000) INBOX_SWEEP_AFTER_MS: number = 30_000;
  @Type(() => Number) @IsInt() @Min(1) QUEUE_BACKLOG_ALERT_THRESHOLD: number = 100;

  // media
  @IsString() MEDIA_STORAGE_DIR: string = 'var/media';
  @Type(() => Number) @IsInt() @Min(1_024) MEDIA_MAX_BYTES: number = 16 * 1024 * 1024;
  @IsString() MEDIA_ALLOWED_MIMETYPES: string =
    'image/jpeg,image/png,image/webp,audio/ogg,audio/mpeg,audio/mp4,audio/aac,video/mp4,video/3gpp,application/pdf';

  // secrets at rest
  /**
   * AES-256-GCM key ring, `id:base64key` comma-separated, newest first: new secrets use the first key,
   * older ones stay readable until rotated, so a key change needs no downtime.
   */
  @Matches(/^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'SECRETS_ENCRYPTION_KEYS must be "id:base64-32-byte-key" entries separated by commas',
  })
  SECRETS_ENCRYPTION_KEYS: string = 'dev1:ZGV2LW9ubHktc2VjcmV0cy1rZXktY2hhbmdlLW1lISE=';

  // ai
  @IsIn(AI_PROVIDERS) AI_PROVIDER: string = 'offline';
  @ValidateIf((env: EnvironmentVariables) => env.AI_PROVIDER === 'gemini')
  @IsString()
  @MinLength(10, { message: 'GEMINI_API_KEY is required when AI_PROVIDER=gemini' })
  GEMINI_API_KEY?: string;
  /** More platform Gemini keys, comma-separated; used round-robin with GEMINI_API_KEY for organizations without keys. */
  @IsOptional() @IsString() GEMINI_API_KEYS?: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(86_400) AI_KEY_QUOTA_COOLDOWN_SECONDS: number = 600;
  @Type(() => Number) @IsInt() @Min(1) @Max(604_800) AI_KEY_AUTH_COOLDOWN_SECONDS: number = 3_600;
  @Type(() => Number) @IsInt() @Min(1) @Max(10_000) AI_MAX_MODEL_CALLS_PER_CONVERSATION_PER_DAY: number = 50;
  /** Per-model USD prices per million tokens, overriding the built-in table: {"model":{"input":0.3,"output":2.5}}. */
  @IsOptional() @IsJSON({ message: 'AI_MODEL_PRICES_JSON must be a JSON object' }) AI_MODEL_PRICES_JSON?: string;
  @Type(() => Number) @IsInt() @Min(60) @Max(2_592_000) AI_ANSWER_CACHE_TTL_SECONDS: number = 86_400;
  /** A burst still unanswered this long after its first message is armed again by the turn sweeper (Redis lost its job). */
  @Type(() => Number) @IsInt() @Min(1_000) @Max(3_600_000) AI_TURN_SWEEP_AFTER_MS: number = 120_000;
  /** First wait before a failed bot turn is tried again (doubles each attempt): the model gets time to recover. */
  @Type(() => Number) @IsInt() @Min(10) @Max(600_000) AI_TURN_RETRY_BACKOFF_MS: number = 5_000;
  /** Per attempt of one Gemini call; a hung call counts as a transient failure and is retried (3 times). */
  @Type(() => Number) @IsInt() @Min(1_000) @Max(120_000) AI_CALL_TIMEOUT_MS: number = 20_000;
}

export type Env = EnvironmentVariables;

const DEV_ONLY_DEFAULTS: Partial<Record<keyof EnvironmentVariables, string>> = {
  JWT_ACCESS_SECRET: new EnvironmentVariables().JWT_ACCESS_SECRET,
  SECRETS_ENCRYPTION_KEYS: new EnvironmentVariables().SECRETS_ENCRYPTION_KEYS,
};

// The defaults make a laptop work with no .env; in production they would be public secrets.
function productionProblems(env: EnvironmentVariables): string[] {
  if (env.NODE_ENV !== 'production') return [];
  return Object.entries(DEV_ONLY_DEFAULTS)
    .filter(([key, devValue]) => env[key as keyof EnvironmentVariables] === devValue)
    .map(([key]) => `  - ${key}: must be set explicitly when NODE_ENV=production (the default is for development only)`);
}

export class EnvValidationError extends Error {}

/** Validates `raw` (normally `process.env`) and names every bad variable in one error. */
export function validateEnv(raw: Record<string, unknown>): EnvironmentVariables {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
  const env = plainToInstance(EnvironmentVariables, defined, { enableImplicitConversion: false });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  const lines = [
    ...errors.map((error) => `  - ${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`),
    ...productionProblems(env),
  ];
  if (lines.length > 0) {
    throw new EnvValidationError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return env;
}

/** Reads the validated environment; namespaces call it at provider creation time. */
export function loadEnv(): EnvironmentVariables {
  return validateEnv(process.env);
}
