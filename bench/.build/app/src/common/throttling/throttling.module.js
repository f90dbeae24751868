"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ThrottlingModule = void 0;
exports.throttlersFor = throttlersFor;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const throttler_1 = require("@nestjs/throttler");
const throttler_storage_redis_1 = require("@nest-lab/throttler-storage-redis");
const throttle_config_1 = require("../../config/throttle.config");
const redis_module_1 = require("../redis/redis.module");
const rate_limit_scope_decorator_1 = require("./rate-limit-scope.decorator");
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
function requestOf(context) {
    return context.switchToHttp().getRequest();
}
function emailOf(request) {
    const body = request.body;
    const email = typeof body === 'object' && body !== null ? body.email : undefined;
    return typeof email === 'string' && email.length > 0 ? email.trim().toLowerCase() : undefined;
}
function throttlersFor(limits) {
    return [
        {
            name: 'org',
            ttl: MINUTE_MS,
            limit: limits.orgLimitPerMinute,
            skipIf: (context) => !requestOf(context).user,
            getTracker: (request) => `org-${request.user?.organizationId}`,
        },
        {
            name: 'login-ip',
            ttl: MINUTE_MS,
            limit: limits.loginLimitPerMinute,
            skipIf: (context) => (0, rate_limit_scope_decorator_1.rateLimitScopeOf)(context) !== rate_limit_scope_decorator_1.RateLimitScope.Login,
            getTracker: (request) => `ip-${request.ip}`,
        },
        {
            name: 'login-email',
            ttl: MINUTE_MS,
            limit: limits.loginLimitPerMinute,
            skipIf: (context) => (0, rate_limit_scope_decorator_1.rateLimitScopeOf)(context) !== rate_limit_scope_decorator_1.RateLimitScope.Login || !emailOf(requestOf(context)),
            getTracker: (request) => `email-${(0, node_crypto_1.createHash)('sha256').update(emailOf(request) ?? '').digest('hex')}`,
        },
        {
            name: 'register-ip',
            ttl: HOUR_MS,
            limit: limits.registerLimitPerHour,
            skipIf: (context) => (0, rate_limit_scope_decorator_1.rateLimitScopeOf)(context) !== rate_limit_scope_decorator_1.RateLimitScope.Register,
            getTracker: (request) => `ip-${request.ip}`,
        },
    ];
}
function buildOptions(limits, redis) {
    return { storage: new throttler_storage_redis_1.ThrottlerStorageRedisService(redis), throttlers: throttlersFor(limits) };
}
let ThrottlingModule = class ThrottlingModule {
};
exports.ThrottlingModule = ThrottlingModule;
exports.ThrottlingModule = ThrottlingModule = __decorate([
    (0, common_1.Module)({
        imports: [
            throttler_1.ThrottlerModule.forRootAsync({
                inject: [throttle_config_1.throttleConfig.KEY, redis_module_1.REDIS_CLIENT],
                useFactory: buildOptions,
            }),
        ],
        exports: [throttler_1.ThrottlerModule],
    })
], ThrottlingModule);
//# sourceMappingURL=throttling.module.js.map