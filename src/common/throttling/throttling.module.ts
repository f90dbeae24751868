import { createHash } from 'node:crypto';
import { ExecutionContext, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ThrottlerModule, ThrottlerModuleOptions, ThrottlerOptions } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { FastifyRequest } from 'fastify';
import { throttleConfig } from 'src/config/throttle.config';
import { AuthUser } from 'src/common/auth/auth-user';
import Redis from 'ioredis';
import { REDIS_CLIENT } from 'src/common/redis/redis.module';
import { RateLimitScope, rateLimitScopeOf } from './rate-limit-scope.decorator';

type ThrottledRequest = FastifyRequest & { user?: AuthUser };
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

function requestOf(context: ExecutionContext): ThrottledRequest {
  return context.switchToHttp().getRequest<ThrottledRequest>();
}

function emailOf(request: Record<string, unknown>): string | undefined {
  const body = (request as { body?: unknown }).body;
  const email = typeof body === 'object' && body !== null ? (body as { email?: unknown }).email : undefined;
  return typeof email === 'string' && email.length > 0 ? email.trim().toLowerCase() : undefined;
}

/** The named limits. Trackers hold no personal data: emails are hashed before they become keys. */
export function throttlersFor(limits: ConfigType<typeof throttleConfig>): ThrottlerOptions[] {
  return [
    {
      // The per-organization API budget; public routes (no organization yet) are skipped.
      name: 'org',
      ttl: MINUTE_MS,
      limit: limits.orgLimitPerMinute,
      skipIf: (context) => !requestOf(context).user,
      getTracker: (request) => `org-${(request as unknown as ThrottledRequest).user?.organizationId}`,
    },
    {
      name: 'login-ip',
      ttl: MINUTE_MS,
      limit: limits.loginLimitPerMinute,
      skipIf: (context) => rateLimitScopeOf(context) !== RateLimitScope.Login,
      getTracker: (request) => `ip-${(request as unknown as FastifyRequest).ip}`,
    },
    {
      // Per account, so an attacker rotating IPs still gets 5 guesses a minute per email.
      name: 'login-email',
      ttl: MINUTE_MS,
      limit: limits.loginLimitPerMinute,
      skipIf: (context) => rateLimitScopeOf(context) !== RateLimitScope.Login || !emailOf(requestOf(context) as unknown as Record<string, unknown>),
      getTracker: (request) => `email-${createHash('sha256').update(emailOf(request) ?? '').digest('hex')}`,
    },
    {
      name: 'register-ip',
      ttl: HOUR_MS,
      limit: limits.registerLimitPerHour,
      skipIf: (context) => rateLimitScopeOf(context) !== RateLimitScope.Register,
      getTracker: (request) => `ip-${(request as unknown as FastifyRequest).ip}`,
    },
  ];
}

function buildOptions(limits: ConfigType<typeof throttleConfig>, redis: Redis): ThrottlerModuleOptions {
  return { storage: new ThrottlerStorageRedisService(redis), throttlers: throttlersFor(limits) };
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [throttleConfig.KEY, REDIS_CLIENT],
      useFactory: buildOptions,
    }),
  ],
  exports: [ThrottlerModule],
})
export class ThrottlingModule {}
