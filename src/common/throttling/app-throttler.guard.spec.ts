import { Reflector } from '@nestjs/core';
import { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { AppThrottlerGuard } from './app-throttler.guard';

class Probe extends AppThrottlerGuard {
  header(res: Record<string, unknown>, name: string, value: number): void {
    this.setResponseHeader(res, name, value);
  }
  key(tracker: string, name: string): string {
    return this.generateKey({} as never, tracker, name);
  }
}

function response(): { headers: Record<string, number>; header: (name: string, value: number) => void } {
  const headers: Record<string, number> = {};
  return { headers, header: (name, value) => void (headers[name] = value) };
}

describe(AppThrottlerGuard.name, () => {
  const keys = { key: (...parts: string[]) => ['prefix', ...parts].join(':') } as unknown as RedisConnectionFactory;
  const sut = new Probe({ throttlers: [] } as ThrottlerModuleOptions, {} as ThrottlerStorage, new Reflector(), keys);

  it('should expose the tightest of several limits under the plain header names', () => {
    const res = response();
    sut.header(res, 'X-RateLimit-Limit-login-ip', 5);
    sut.header(res, 'X-RateLimit-Remaining-login-ip', 4);
    sut.header(res, 'X-RateLimit-Reset-login-ip', 60);
    sut.header(res, 'X-RateLimit-Limit-login-email', 5);
    sut.header(res, 'X-RateLimit-Remaining-login-email', 1);
    sut.header(res, 'X-RateLimit-Reset-login-email', 42);
    expect(res.headers).toEqual({ 'X-RateLimit-Limit': 5, 'X-RateLimit-Remaining': 1, 'X-RateLimit-Reset': 42 });
  });

  it('should write Retry-After without the limit’s suffix', () => {
    const res = response();
    sut.header(res, 'Retry-After-org', 30);
    expect(res.headers).toEqual({ 'Retry-After': 30 });
  });

  it('should key counts by limit name and tracker only, so a budget spans every route', () => {
    expect(sut.key('org-1', 'org')).toBe('prefix:throttle:org:org-1');
  });
});
