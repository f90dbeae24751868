"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.EnvValidationError = exports.EnvironmentVariables = exports.LOG_LEVELS = exports.AI_PROVIDERS = exports.APP_ROLES = void 0;
exports.validateEnv = validateEnv;
exports.loadEnv = loadEnv;
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
exports.APP_ROLES = ['all', 'api', 'worker'];
exports.AI_PROVIDERS = ['offline', 'gemini'];
exports.LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const toBoolean = ({ value }) => typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;
class EnvironmentVariables {
    NODE_ENV = 'development';
    APP_ROLE = 'all';
    PORT = 3000;
    HOST = '0.0.0.0';
    CORS_ORIGINS = 'http://localhost:5173';
    LOG_LEVEL = 'info';
    BODY_LIMIT_BYTES = 1_048_576;
    TRUST_PROXY = false;
    SWAGGER_ENABLED = true;
    SHUTDOWN_TIMEOUT_MS = 10_000;
    DATABASE_HOST = '127.0.0.1';
    DATABASE_PORT = 5432;
    DATABASE_USER = 'robbot';
    DATABASE_PASSWORD = 'robbot';
    DATABASE_NAME = 'robbot';
    DATABASE_POOL_SIZE = 20;
    DATABASE_SSL = false;
    DATABASE_LOG_QUERIES = false;
    REDIS_HOST = '127.0.0.1';
    REDIS_PORT = 6379;
    REDIS_PASSWORD;
    REDIS_DB = 0;
    REDIS_KEY_PREFIX = 'robbot';
    JWT_ACCESS_SECRET = 'dev-only-access-secret-change-me-0123456789';
    JWT_ACCESS_TTL_SECONDS = 900;
    REFRESH_TOKEN_TTL_DAYS = 30;
    SUPER_ADMIN_EMAIL = 'superadmin@robbot.local';
    SUPER_ADMIN_PASSWORD = 'Robbot-Super-2026';
    DEMO_USER_PASSWORD = 'Robbot-Demo-2026';
    THROTTLE_ORG_LIMIT_PER_MINUTE = 1000;
    THROTTLE_LOGIN_LIMIT_PER_MINUTE = 5;
    THROTTLE_REGISTER_LIMIT_PER_HOUR = 10;
    WAHA_BASE_URL = 'http://127.0.0.1:3001';
    WAHA_API_KEY;
    WAHA_TIMEOUT_MS = 10_000;
    WAHA_WEBHOOK_URL = 'http://127.0.0.1:3000/api/v1/webhooks/waha';
    WAHA_SESSION_CHECK_INTERVAL_SECONDS = 300;
    WAHA_MAX_RESTART_ATTEMPTS = 5;
    WHATSAPP_DEFAULT_SEND_RATE_PER_MINUTE = 20;
    WHATSAPP_DEFAULT_MIN_CHAT_GAP_MS = 1_500;
    WHATSAPP_TYPING_MS_PER_CHAR = 35;
    WHATSAPP_TYPING_MAX_MS = 4_000;
    WHATSAPP_SEND_ATTEMPTS = 8;
    WHATSAPP_SEND_BACKOFF_MS = 5_000;
    INBOX_SWEEP_AFTER_MS = 30_000;
    QUEUE_BACKLOG_ALERT_THRESHOLD = 100;
    MEDIA_STORAGE_DIR = 'var/media';
    MEDIA_MAX_BYTES = 16 * 1024 * 1024;
    MEDIA_ALLOWED_MIMETYPES = 'image/jpeg,image/png,image/webp,audio/ogg,audio/mpeg,audio/mp4,audio/aac,video/mp4,video/3gpp,application/pdf';
    SECRETS_ENCRYPTION_KEYS = 'dev1:ZGV2LW9ubHktc2VjcmV0cy1rZXktY2hhbmdlLW1lISE=';
    AI_PROVIDER = 'offline';
    GEMINI_API_KEY;
}
exports.EnvironmentVariables = EnvironmentVariables;
__decorate([
    (0, class_validator_1.IsIn)(['development', 'production', 'test']),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "NODE_ENV", void 0);
__decorate([
    (0, class_validator_1.IsIn)(exports.APP_ROLES),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "APP_ROLE", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(65535),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "PORT", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "HOST", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "CORS_ORIGINS", void 0);
__decorate([
    (0, class_validator_1.IsIn)(exports.LOG_LEVELS),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "LOG_LEVEL", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1024),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "BODY_LIMIT_BYTES", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toBoolean),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], EnvironmentVariables.prototype, "TRUST_PROXY", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toBoolean),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], EnvironmentVariables.prototype, "SWAGGER_ENABLED", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "SHUTDOWN_TIMEOUT_MS", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "DATABASE_HOST", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(65535),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "DATABASE_PORT", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "DATABASE_USER", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "DATABASE_PASSWORD", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^[a-z0-9_]+$/i, { message: 'DATABASE_NAME may only contain letters, digits and underscores' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "DATABASE_NAME", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(200),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "DATABASE_POOL_SIZE", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toBoolean),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], EnvironmentVariables.prototype, "DATABASE_SSL", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toBoolean),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], EnvironmentVariables.prototype, "DATABASE_LOG_QUERIES", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "REDIS_HOST", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(65535),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "REDIS_PORT", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "REDIS_PASSWORD", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(15),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "REDIS_DB", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^[A-Za-z0-9_.-]*$/, { message: 'REDIS_KEY_PREFIX may only contain letters, digits, "_", "." and "-"' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "REDIS_KEY_PREFIX", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(32),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "JWT_ACCESS_SECRET", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(60),
    (0, class_validator_1.Max)(86_400),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "JWT_ACCESS_TTL_SECONDS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(365),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "REFRESH_TOKEN_TTL_DAYS", void 0);
__decorate([
    (0, class_validator_1.IsEmail)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "SUPER_ADMIN_EMAIL", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(10),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "SUPER_ADMIN_PASSWORD", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(10),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "DEMO_USER_PASSWORD", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "THROTTLE_ORG_LIMIT_PER_MINUTE", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "THROTTLE_LOGIN_LIMIT_PER_MINUTE", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "THROTTLE_REGISTER_LIMIT_PER_HOUR", void 0);
__decorate([
    (0, class_validator_1.IsUrl)({ require_tld: false, protocols: ['http', 'https'] }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "WAHA_BASE_URL", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "WAHA_API_KEY", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(100),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "WAHA_TIMEOUT_MS", void 0);
__decorate([
    (0, class_validator_1.IsUrl)({ require_tld: false, protocols: ['http', 'https'] }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "WAHA_WEBHOOK_URL", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(10),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "WAHA_SESSION_CHECK_INTERVAL_SECONDS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(20),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "WAHA_MAX_RESTART_ATTEMPTS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(600),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "WHATSAPP_DEFAULT_SEND_RATE_PER_MINUTE", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(600_000),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "WHATSAPP_DEFAULT_MIN_CHAT_GAP_MS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(1_000),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "WHATSAPP_TYPING_MS_PER_CHAR", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(60_000),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "WHATSAPP_TYPING_MAX_MS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(8),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "WHATSAPP_SEND_ATTEMPTS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(10),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "WHATSAPP_SEND_BACKOFF_MS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1_000),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "INBOX_SWEEP_AFTER_MS", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "QUEUE_BACKLOG_ALERT_THRESHOLD", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "MEDIA_STORAGE_DIR", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1_024),
    __metadata("design:type", Number)
], EnvironmentVariables.prototype, "MEDIA_MAX_BYTES", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "MEDIA_ALLOWED_MIMETYPES", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=)*$/, {
        message: 'SECRETS_ENCRYPTION_KEYS must be "id:base64-32-byte-key" entries separated by commas',
    }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "SECRETS_ENCRYPTION_KEYS", void 0);
__decorate([
    (0, class_validator_1.IsIn)(exports.AI_PROVIDERS),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "AI_PROVIDER", void 0);
__decorate([
    (0, class_validator_1.ValidateIf)((env) => env.AI_PROVIDER === 'gemini'),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(10, { message: 'GEMINI_API_KEY is required when AI_PROVIDER=gemini' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "GEMINI_API_KEY", void 0);
const DEV_ONLY_DEFAULTS = {
    JWT_ACCESS_SECRET: new EnvironmentVariables().JWT_ACCESS_SECRET,
    SECRETS_ENCRYPTION_KEYS: new EnvironmentVariables().SECRETS_ENCRYPTION_KEYS,
};
function productionProblems(env) {
    if (env.NODE_ENV !== 'production')
        return [];
    return Object.entries(DEV_ONLY_DEFAULTS)
        .filter(([key, devValue]) => env[key] === devValue)
        .map(([key]) => `  - ${key}: must be set explicitly when NODE_ENV=production (the default is for development only)`);
}
class EnvValidationError extends Error {
}
exports.EnvValidationError = EnvValidationError;
function validateEnv(raw) {
    const defined = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
    const env = (0, class_transformer_1.plainToInstance)(EnvironmentVariables, defined, { enableImplicitConversion: false });
    const errors = (0, class_validator_1.validateSync)(env, { skipMissingProperties: false, whitelist: false });
    const lines = [
        ...errors.map((error) => `  - ${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`),
        ...productionProblems(env),
    ];
    if (lines.length > 0) {
        throw new EnvValidationError(`Invalid environment configuration:\n${lines.join('\n')}`);
    }
    return env;
}
function loadEnv() {
    return validateEnv(process.env);
}
//# sourceMappingURL=env.validation.js.map