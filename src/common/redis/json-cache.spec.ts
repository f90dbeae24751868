import Redis from 'ioredis';
import { JsonCache } from './json-cache';

interface State {
  status: string;
}

const TTL_SECONDS = 300;

describe(JsonCache.name, () => {
  let sut: JsonCache<State>;
  let redis: { get: jest.Mock; set: jest.Mock; del: jest.Mock };
  let load: jest.Mock<Promise<State | null>, [string]>;

  beforeEach(() => {
    redis = { get: jest.fn(), set: jest.fn(), del: jest.fn() };
    load = jest.fn();
    sut = new JsonCache<State>(redis as unknown as Redis, (id) => `prefix:state:${id}`, TTL_SECONDS);
  });

  describe('get', () => {
    it('should answer the cached JSON without loading when the key exists', async () => {
      redis.get.mockResolvedValue('{"status":"active"}');

      await expect(sut.get('42', load)).resolves.toEqual({ status: 'active' });

      expect(redis.get).toHaveBeenCalledWith('prefix:state:42');
      expect(load).not.toHaveBeenCalled();
      expect(redis.set).not.toHaveBeenCalled();
    });

    it('should load and fill the key only if still absent (SET EX NX) when the key is missing', async () => {
      redis.get.mockResolvedValue(null);
      load.mockResolvedValue({ status: 'suspended' });

      await expect(sut.get('42', load)).resolves.toEqual({ status: 'suspended' });

      expect(load).toHaveBeenCalledWith('42');
      expect(redis.set).toHaveBeenCalledWith('prefix:state:42', '{"status":"suspended"}', 'EX', TTL_SECONDS, 'NX');
    });

    it('should not cache anything when the loader finds nothing', async () => {
      redis.get.mockResolvedValue(null);
      load.mockResolvedValue(null);

      await expect(sut.get('42', load)).resolves.toBeNull();

      expect(redis.set).not.toHaveBeenCalled();
    });
  });

  describe('put', () => {
    it('should overwrite the key (SET EX without NX) when given a value', async () => {
      await sut.put('42', { status: 'active' });

      expect(redis.set).toHaveBeenCalledWith('prefix:state:42', '{"status":"active"}', 'EX', TTL_SECONDS);
      expect(redis.del).not.toHaveBeenCalled();
    });

    it('should record a deletion as a cached null, not by deleting the key', async () => {
      await sut.put('42', null);

      expect(redis.set).toHaveBeenCalledWith('prefix:state:42', 'null', 'EX', TTL_SECONDS);
      expect(redis.del).not.toHaveBeenCalled();
    });

    it('should answer a cached null without loading', async () => {
      redis.get.mockResolvedValue('null');

      await expect(sut.get('42', load)).resolves.toBeNull();
      expect(load).not.toHaveBeenCalled();
    });

    // A DEL would leave nothing for the reader's SET NX to collide with, re-caching a removed user as active.
    it('should keep a deleted key absent when a reader that loaded before the delete fills it afterwards', async () => {
      const store = new Map<string, string>();
      redis.get.mockImplementation(async (key: string) => store.get(key) ?? null);
      redis.set.mockImplementation(async (key: string, value: string, _ex: string, _ttl: number, nx?: string) => {
        if (nx === 'NX' && store.has(key)) return null;
        store.set(key, value);
        return 'OK';
      });
      redis.del.mockImplementation(async (key: string) => Number(store.delete(key)));
      let finishStaleLoad: (state: State) => void = () => undefined;
      load.mockImplementation(() => new Promise<State>((resolve) => (finishStaleLoad = resolve)));

      const reading = sut.get('42', load); // cache miss: reads the row before the delete commits
      await new Promise((resolve) => setImmediate(resolve));
      expect(load).toHaveBeenCalled();
      await sut.put('42', null); // the delete commits and clears the key
      finishStaleLoad({ status: 'active' }); // the stale row reaches Redis afterwards
      await reading;

      await expect(sut.get('42', async () => null)).resolves.toBeNull();
    });
  });
});
