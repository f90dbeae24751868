import Redis from 'ioredis';

/**
 * Read-through cache of small JSON values in Redis.
 * Readers fill a missing key with SET NX and writers overwrite after their commit, so a reader that
 * loaded stale rows before a write can never replace the writer's fresh value. A deletion is written
 * as a cached `null` rather than removing the key, for the same reason.
 */
export class JsonCache<T> {
  constructor(
    private readonly redis: Redis,
    readonly keyOf: (id: string) => string,
    private readonly ttlSeconds: number,
  ) {}

  /** Resolves a value already read in a batch (MGET of several caches' keys); loads and fills on a miss. */
  async resolve(id: string, raw: string | null, load: (id: string) => Promise<T | null>): Promise<T | null> {
    return raw !== null ? (JSON.parse(raw) as T | null) : this.get(id, load);
  }

  async get(id: string, load: (id: string) => Promise<T | null>): Promise<T | null> {
    const cached = await this.redis.get(this.keyOf(id));
    if (cached !== null) return JSON.parse(cached) as T | null;
    const fresh = await load(id);
    if (fresh !== null) await this.redis.set(this.keyOf(id), JSON.stringify(fresh), 'EX', this.ttlSeconds, 'NX');
    return fresh;
  }

  /** Write-through after a committed change; `null` records that the row is gone. */
  async put(id: string, value: T | null): Promise<void> {
    await this.redis.set(this.keyOf(id), JSON.stringify(value), 'EX', this.ttlSeconds);
  }
}
