import { ExecutionContext } from '@nestjs/common';
import { ThrottlerOptions } from '@nestjs/throttler';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { throttlersFor } from './throttling.module';

describe('throttlersFor', () => {
  const throttlers = throttlersFor({ orgLimitPerMinute: 1000, loginLimitPerMinute: 5, registerLimitPerHour: 10 });
  const byName = (name: string): ThrottlerOptions => throttlers.find((throttler) => throttler.name === name)!;
  const context = {} as ExecutionContext;

  it('should track login attempts per email by a hash, so no address is stored in Redis', async () => {
    const tracker = await byName('login-email').getTracker!({ body: { email: ' Ana@Clinic.com ' } }, context);
    expect(tracker).toMatch(/^email-[0-9a-f]{64}$/);
    expect(tracker).not.toContain('ana');
    expect(await byName('login-email').getTracker!({ body: { email: 'ana@clinic.com' } }, context)).toBe(tracker);
  });

  it('should give each organization its own budget', async () => {
    expect(await byName('org').getTracker!({ user: { organizationId: 'org-a' } }, context)).toBe('org-org-a');
  });
});
