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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AppThrottlerGuard = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const throttler_1 = require("@nestjs/throttler");
const redis_connection_factory_1 = require("../redis/redis-connection.factory");
const HEADER_PATTERN = /^X-RateLimit-(Limit|Remaining|Reset)(?:-(.+))?$/;
const RETRY_AFTER_PATTERN = /^Retry-After(?:-.+)?$/;
const FIELD = { Limit: 'limit', Remaining: 'remaining', Reset: 'reset' };
let AppThrottlerGuard = class AppThrottlerGuard extends throttler_1.ThrottlerGuard {
    redis;
    constructor(options, storage, reflector, redis) {
        super(options, storage, reflector);
        this.redis = redis;
    }
    generateKey(_context, tracker, throttlerName) {
        return this.redis.key('throttle', throttlerName, tracker);
    }
    async throwThrottlingException(context, detail) {
        const response = context.switchToHttp().getResponse();
        super.setResponseHeader(response, 'X-RateLimit-Limit', detail.limit);
        super.setResponseHeader(response, 'X-RateLimit-Remaining', 0);
        super.setResponseHeader(response, 'X-RateLimit-Reset', detail.timeToBlockExpire);
        return super.throwThrottlingException(context, detail);
    }
    setResponseHeader(res, name, value) {
        if (RETRY_AFTER_PATTERN.test(name)) {
            super.setResponseHeader(res, 'Retry-After', value);
            return;
        }
        const match = HEADER_PATTERN.exec(name);
        if (!match)
            return super.setResponseHeader(res, name, value);
        const tracked = res;
        tracked.rateLimits ??= new Map();
        const throttler = match[2] ?? 'default';
        const state = tracked.rateLimits.get(throttler) ?? {};
        state[FIELD[match[1]]] = value;
        tracked.rateLimits.set(throttler, state);
        this.writeTightest(res, tracked.rateLimits);
    }
    writeTightest(res, states) {
        let tightest;
        for (const state of states.values()) {
            if (state.limit === undefined || state.remaining === undefined || state.reset === undefined)
                continue;
            if (!tightest || state.remaining < tightest.remaining)
                tightest = state;
        }
        if (!tightest)
            return;
        super.setResponseHeader(res, 'X-RateLimit-Limit', tightest.limit);
        super.setResponseHeader(res, 'X-RateLimit-Remaining', tightest.remaining);
        super.setResponseHeader(res, 'X-RateLimit-Reset', tightest.reset);
    }
};
exports.AppThrottlerGuard = AppThrottlerGuard;
exports.AppThrottlerGuard = AppThrottlerGuard = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, throttler_1.InjectThrottlerOptions)()),
    __param(1, (0, throttler_1.InjectThrottlerStorage)()),
    __metadata("design:paramtypes", [Object, Object, core_1.Reflector,
        redis_connection_factory_1.RedisConnectionFactory])
], AppThrottlerGuard);
//# sourceMappingURL=app-throttler.guard.js.map