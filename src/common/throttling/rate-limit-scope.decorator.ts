import { ExecutionContext, SetMetadata } from '@nestjs/common';

export enum RateLimitScope {
  Login = 'login',
  Register = 'register',
}

const RATE_LIMIT_SCOPE_KEY = 'robbot:rate-limit-scope';

/** Puts a public route under the stricter per-IP (and, for login, per-email) limits. */
export const RateLimited = (scope: RateLimitScope): MethodDecorator => SetMetadata(RATE_LIMIT_SCOPE_KEY, scope);

export function rateLimitScopeOf(context: ExecutionContext): RateLimitScope | undefined {
  return Reflect.getMetadata(RATE_LIMIT_SCOPE_KEY, context.getHandler()) as RateLimitScope | undefined;
}
