import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS_CLIENT } from 'src/common/redis/redis.module';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';

/** Round-robin and bench state shared by every process; an abstract class so it doubles as the DI token. */
export abstract class KeyStateStore {
  /** Epoch ms until which each benched key is set aside; keys not benched are absent. */
  abstract benchedUntil(keyIds: readonly string[]): Promise<Map<string, number>>;
  /** Sets the key aside until `untilMs`, unless it is already benched for longer. */
  abstract bench(keyId: string, untilMs: number, ttlMs: number): Promise<void>;
  /** A counter that grows by one on each call, shared by every process (1, 2, 3…). */
  abstract nextTurn(scope: string): Promise<number>;
  /** True for the first caller within `ttlMs`, so frequent events write the database once. */
  abstract claimOnce(name: string, ttlMs: number): Promise<boolean>;
  abstract release(name: string): Promise<void>;
  abstract forget(keyId: string): Promise<void>;
}

// Never shortens a bench: a 1 h auth bench must survive a later 10 min quota failure.
const BENCH_SCRIPT = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

// Counters of deleted organizations fade away instead of piling up.
const TURN_TTL_SECONDS = 7 * 24 * 3600;

@Injectable()
export class RedisKeyStateStore extends KeyStateStore {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly keys: RedisConnectionFactory,
  ) {
    super();
  }

  async benchedUntil(keyIds: readonly string[]): Promise<Map<string, number>> {
    if (keyIds.length === 0) return new Map();
    const values = await this.redis.mget(keyIds.map((id) => this.benchKey(id)));
    const benched = new Map<string, number>();
    keyIds.forEach((id, index) => {
      const until = Number(values[index]);
      if (values[index] !== null && Number.isFinite(until)) benched.set(id, until);
    });
    return benched;
  }

  async bench(keyId: string, untilMs: number, ttlMs: number): Promise<void> {
    await this.redis.eval(BENCH_SCRIPT, 1, this.benchKey(keyId), Math.ceil(untilMs), Math.max(1, Math.ceil(ttlMs)));
  }

  async nextTurn(scope: string): Promise<number> {
    const key = this.keys.key('ai', 'key', 'turn', scope);
    const [turn] = await Promise.all([this.redis.incr(key), this.redis.expire(key, TURN_TTL_SECONDS)]);
    return turn;
  }

  async claimOnce(name: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.keys.key('ai', 'key', 'once', name), '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  async release(name: string): Promise<void> {
    await this.redis.del(this.keys.key('ai', 'key', 'once', name));
  }

  async forget(keyId: string): Promise<void> {
    await this.redis.del(this.benchKey(keyId));
  }

  private benchKey(keyId: string): string {
    return this.keys.key('ai', 'key', 'bench', keyId);
  }
}
