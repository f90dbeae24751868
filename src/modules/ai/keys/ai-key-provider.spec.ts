import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Repository } from 'typeorm';
import { SecretCipher } from 'src/common/crypto/secret-cipher';
import { AiConfig } from 'src/config/ai.config';
import { AiApiKeyEntity } from './ai-api-key.entity';
import { AcquiredKey, AiKeyProvider } from './ai-key-provider';
import { Clock } from './clock';
import { KeyStateStore } from './ai-key-state.store';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const oldMaster = { id: 'old', key: randomBytes(32) };
const newMaster = { id: 'new', key: randomBytes(32) };
const MINUTE = 60_000;

/** `KeyStateStore` for unit tests: same semantics as the Redis one, expiry read from the injected clock. */
class InMemoryKeyStateStore extends KeyStateStore {
  private readonly benches = new Map<string, number>();
  private readonly turns = new Map<string, number>();
  private readonly claims = new Map<string, number>();

  constructor(private readonly clock: Clock) {
    super();
  }

  async benchedUntil(keyIds: readonly string[]): Promise<Map<string, number>> {
    const now = this.clock.now();
    return new Map(keyIds.flatMap((id) => ((this.benches.get(id) ?? 0) > now ? [[id, this.benches.get(id) as number] as const] : [])));
  }

  async bench(keyId: string, untilMs: number): Promise<void> {
    if ((this.benches.get(keyId) ?? 0) < untilMs) this.benches.set(keyId, untilMs);
  }

  async nextTurn(scope: string): Promise<number> {
    const turn = (this.turns.get(scope) ?? 0) + 1;
    this.turns.set(scope, turn);
    return turn;
  }

  async claimOnce(name: string, ttlMs: number): Promise<boolean> {
    if ((this.claims.get(name) ?? 0) > this.clock.now()) return false;
    this.claims.set(name, this.clock.now() + ttlMs);
    return true;
  }

  async release(name: string): Promise<void> {
    this.claims.delete(name);
  }

  async forget(keyId: string): Promise<void> {
    this.benches.delete(keyId);
  }
}

class FakeClock implements Clock {
  constructor(public current = Date.parse('2026-11-20T12:00:00Z')) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** Only what AiKeyProvider reads; other AI settings do not concern it. */
function config(overrides: Partial<AiConfig> = {}): AiConfig {
  return { geminiApiKey: undefined, geminiApiKeys: undefined, keyQuotaCooldownSeconds: 600, keyAuthCooldownSeconds: 3600, ...overrides } as AiConfig;
}

describe(AiKeyProvider.name, () => {
  let clock: FakeClock;
  let cipher: SecretCipher;
  let rows: AiApiKeyEntity[];
  let keys: { find: jest.Mock; update: jest.Mock; query: jest.Mock };

  function addRow(id: string, apiKey: string, sealWith: SecretCipher = cipher): void {
    rows.push(Object.assign(new AiApiKeyEntity(), { id, organizationId, apiKeyEncrypted: sealWith.encrypt(apiKey), createdAt: new Date(clock.now() + rows.length) }));
  }

  function provider(overrides: Partial<AiConfig> = {}): AiKeyProvider {
    return new AiKeyProvider(keys as unknown as Repository<AiApiKeyEntity>, cipher, new InMemoryKeyStateStore(clock), config(overrides), clock);
  }

  async function acquireMany(sut: AiKeyProvider, times: number): Promise<(string | null)[]> {
    const picked: (string | null)[] = [];
    for (let i = 0; i < times; i += 1) picked.push((await sut.acquire(organizationId))?.apiKey ?? null);
    return picked;
  }

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    clock = new FakeClock();
    cipher = new SecretCipher({ keys: [newMaster, oldMaster] });
    rows = [];
    keys = {
      find: jest.fn(async () => rows.map((row) => ({ id: row.id, apiKeyEncrypted: row.apiKeyEncrypted }))),
      update: jest.fn().mockResolvedValue({ affected: 1 }),
      query: jest.fn().mockResolvedValue([]),
    };
  });

  describe('acquire', () => {
    it('should hand out the organization’s keys in turn, oldest first', async () => {
      addRow('k1', 'org-key-one');
      addRow('k2', 'org-key-two');
      addRow('k3', 'org-key-three');

      expect(await acquireMany(provider(), 5)).toEqual(['org-key-one', 'org-key-two', 'org-key-three', 'org-key-one', 'org-key-two']);
    });

    it('should say where the key came from', async () => {
      addRow('k1', 'org-key-one');
      await expect(provider({ geminiApiKey: 'platform-key' }).acquire(organizationId)).resolves.toEqual({ keyId: 'k1', apiKey: 'org-key-one', source: 'organization' });
    });

    it('should use the platform keys in turn only when the organization has none', async () => {
      const sut = provider({ geminiApiKey: 'platform-a', geminiApiKeys: 'platform-b, platform-a ,,platform-c' });

      const picked = await sut.acquire(organizationId);
      expect(picked).toMatchObject({ apiKey: 'platform-a', source: 'platform', keyId: expect.stringMatching(/^platform-[0-9a-f]{16}$/) });
      expect(picked?.keyId).not.toContain('platform-a');
      expect(await acquireMany(sut, 3)).toEqual(['platform-b', 'platform-c', 'platform-a']);
    });

    it('should answer null when there is no key at all', async () => {
      await expect(provider().acquire(organizationId)).resolves.toBeNull();
    });

    it('should skip a key that can no longer be decrypted (its master key left the ring)', async () => {
      addRow('k1', 'lost-key', new SecretCipher({ keys: [{ id: 'gone', key: randomBytes(32) }] }));
      addRow('k2', 'org-key-two');

      expect(await acquireMany(provider(), 2)).toEqual(['org-key-two', 'org-key-two']);
    });

    it('should re-seal, conditionally, a key sealed with an older master key', async () => {
      addRow('k1', 'org-key-one', new SecretCipher({ keys: [oldMaster] }));
      const stale = rows[0].apiKeyEncrypted;

      await expect(provider().acquire(organizationId)).resolves.toMatchObject({ apiKey: 'org-key-one' });

      expect(keys.update).toHaveBeenCalledWith({ id: 'k1', apiKeyEncrypted: stale }, { apiKeyEncrypted: expect.stringMatching(/^v1\.new\./) });
      const resealed = (keys.update.mock.calls[0] as [unknown, { apiKeyEncrypted: string }])[1].apiKeyEncrypted;
      expect(cipher.decrypt(resealed)).toBe('org-key-one');
    });

    it('should not touch keys already sealed with the newest master key', async () => {
      addRow('k1', 'org-key-one');
      await provider().acquire(organizationId);
      expect(keys.update).not.toHaveBeenCalled();
    });
  });

  describe('reportFailure', () => {
    it('should bench a key after a quota error until the cool-down passes', async () => {
      addRow('k1', 'org-key-one');
      addRow('k2', 'org-key-two');
      const sut = provider();
      const first = (await sut.acquire(organizationId)) as AcquiredKey;

      await sut.reportFailure(first, 'quota');

      expect(await acquireMany(sut, 3)).toEqual(['org-key-two', 'org-key-two', 'org-key-two']);
      clock.advance(10 * MINUTE - 1);
      expect(await acquireMany(sut, 2)).toEqual(['org-key-two', 'org-key-two']);
      clock.advance(1);
      expect(new Set(await acquireMany(sut, 2))).toEqual(new Set(['org-key-one', 'org-key-two']));
    });

    it('should bench for the longer auth cool-down and record the failure on the row', async () => {
      addRow('k1', 'org-key-one');
      const sut = provider();
      const key = (await sut.acquire(organizationId)) as AcquiredKey;

      await sut.reportFailure(key, 'auth');

      expect(keys.query).toHaveBeenCalledWith(expect.stringContaining('failure_count = failure_count + 1'), ['k1', new Date(clock.now() + 60 * MINUTE), 'auth']);
      clock.advance(59 * MINUTE);
      await expect(sut.acquire(organizationId)).resolves.toBeNull();
      clock.advance(MINUTE);
      await expect(sut.acquire(organizationId)).resolves.toMatchObject({ keyId: 'k1' });
    });

    it('should not shorten an auth bench when a quota error follows', async () => {
      addRow('k1', 'org-key-one');
      const sut = provider();
      const key = (await sut.acquire(organizationId)) as AcquiredKey;
      await sut.reportFailure(key, 'auth');
      await sut.reportFailure(key, 'quota');

      clock.advance(30 * MINUTE);
      await expect(sut.acquire(organizationId)).resolves.toBeNull();
    });

    it('should fall back to the platform keys while every organization key is benched', async () => {
      addRow('k1', 'org-key-one');
      const sut = provider({ geminiApiKey: 'platform-a' });
      await sut.reportFailure((await sut.acquire(organizationId)) as AcquiredKey, 'quota');

      await expect(sut.acquire(organizationId)).resolves.toMatchObject({ apiKey: 'platform-a', source: 'platform' });
    });

    it('should bench platform keys in shared state without writing the database', async () => {
      const sut = provider({ geminiApiKey: 'platform-a' });
      await sut.reportFailure((await sut.acquire(organizationId)) as AcquiredKey, 'quota');

      await expect(sut.acquire(organizationId)).resolves.toBeNull();
      expect(keys.query).not.toHaveBeenCalled();
    });

    it.each(['transient', 'invalid_request'] as const)('should not bench after a %s error', async (kind) => {
      addRow('k1', 'org-key-one');
      const sut = provider();
      await sut.reportFailure((await sut.acquire(organizationId)) as AcquiredKey, kind);

      await expect(sut.acquire(organizationId)).resolves.toMatchObject({ keyId: 'k1' });
      expect(keys.query).not.toHaveBeenCalled();
    });

    it('should never throw into the caller', async () => {
      keys.query.mockRejectedValue(new Error('database down'));
      await expect(provider().reportFailure({ keyId: 'k1', apiKey: 'x', source: 'organization' }, 'auth')).resolves.toBeUndefined();
    });
  });

  describe('reportSuccess', () => {
    const key: AcquiredKey = { keyId: 'k1', apiKey: 'org-key-one', source: 'organization' };

    it('should record last_used_at at most once a minute per key', async () => {
      const sut = provider();
      await sut.reportSuccess(key);
      await sut.reportSuccess(key);
      clock.advance(MINUTE);
      await sut.reportSuccess(key);

      expect(keys.update).toHaveBeenCalledTimes(2);
      expect(keys.update).toHaveBeenLastCalledWith({ id: 'k1' }, { lastUsedAt: new Date(clock.now()), failureCount: 0 });
    });

    it('should write at once after a failure, so the failure count clears', async () => {
      const sut = provider();
      await sut.reportSuccess(key);
      await sut.reportFailure(key, 'quota');
      await sut.reportSuccess(key);

      expect(keys.update).toHaveBeenCalledTimes(2);
    });

    it('should not write anything for platform keys', async () => {
      await provider().reportSuccess({ keyId: 'platform-abc', apiKey: 'x', source: 'platform' });
      expect(keys.update).not.toHaveBeenCalled();
    });
  });

  it('should expose classifyProviderError as a static helper', () => {
    expect(AiKeyProvider.classifyProviderError(Object.assign(new Error('x'), { status: 429 }))).toBe('quota');
  });
});
