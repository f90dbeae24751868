import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerStorage,
} from '@nestjs/throttler';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';

interface RateLimitState {
  limit: number;
  remaining: number;
  reset: number;
}

interface TrackedResponse {
  rateLimits?: Map<string, Partial<RateLimitState>>;
}

const HEADER_PATTERN = /^X-RateLimit-(Limit|Remaining|Reset)(?:-(.+))?$/;
const RETRY_AFTER_PATTERN = /^Retry-After(?:-.+)?$/;
const FIELD: Record<string, keyof RateLimitState> = { Limit: 'limit', Remaining: 'remaining', Reset: 'reset' };

/**
 * Counts are shared across processes (Redis storage) and keyed by limit name and tracker only,
 * so the per-organization budget spans every route. Several limits can apply to one request
 * (login: per IP and per email); clients get one set of X-RateLimit-* headers, the tightest.
 */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly redis: RedisConnectionFactory,
  ) {
    super(options, storage, reflector);
  }

  // Trackers carry no personal data (emails arrive already hashed), so keys need no hashing here.
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return this.redis.key('throttle', throttlerName, tracker);
  }

  // The guard throws before writing headers for the limit that tripped; a 429 should still carry them.
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const response = context.switchToHttp().getResponse<Record<string, any>>();
    super.setResponseHeader(response, 'X-RateLimit-Limit', detail.limit);
    super.setResponseHeader(response, 'X-RateLimit-Remaining', 0);
    super.setResponseHeader(response, 'X-RateLimit-Reset', detail.timeToBlockExpire);
    return super.throwThrottlingException(context, detail);
  }

  protected override setResponseHeader(res: Record<string, any>, name: string, value: number): void {
    if (RETRY_AFTER_PATTERN.test(name)) {
      super.setResponseHeader(res, 'Retry-After', value);
      return;
    }
    const match = HEADER_PATTERN.exec(name);
    if (!match) return super.setResponseHeader(res, name, value);
    const tracked = res as TrackedResponse;
    tracked.rateLimits ??= new Map();
    const throttler = match[2] ?? 'default';
    const state = tracked.rateLimits.get(throttler) ?? {};
    state[FIELD[match[1]]] = value;
    tracked.rateLimits.set(throttler, state);
    this.writeTightest(res, tracked.rateLimits);
  }

  private writeTightest(res: Record<string, any>, states: Map<string, Partial<RateLimitState>>): void {
    let tightest: RateLimitState | undefined;
    for (const state of states.values()) {
      if (state.limit === undefined || state.remaining === undefined || state.reset === undefined) continue;
      if (!tightest || state.remaining < tightest.remaining) tightest = state as RateLimitState;
    }
    if (!tightest) return;
    super.setResponseHeader(res, 'X-RateLimit-Limit', tightest.limit);
    super.setResponseHeader(res, 'X-RateLimit-Remaining', tightest.remaining);
    super.setResponseHeader(res, 'X-RateLimit-Reset', tightest.reset);
  }
}
