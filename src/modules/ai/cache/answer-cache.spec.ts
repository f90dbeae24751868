import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { AiConfig } from 'src/config/ai.config';
import { AnswerCache, answerCacheHash } from './answer-cache';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const otherOrganizationId = '7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a';
const scope = { knowledgeVersion: 'k-12', promptVersion: 'reply-v3' };

/** The few Redis commands the cache uses, over a Map. */
function fakeRedis(): { redis: Redis; store: Map<string, string>; set: jest.Mock } {
  const store = new Map<string, string>();
  const set = jest.fn(async (key: string, value: string) => {
    store.set(key, value);
    return 'OK';
  });
  const redis = {
    get: jest.fn(async (key: string) => store.get(key) ?? null),
    set,
    incr: jest.fn(async (key: string) => {
      const next = Number(store.get(key) ?? '0') + 1;
      store.set(key, String(next));
      return next;
    }),
  };
  return { redis: redis as unknown as Redis, store, set };
}

describe(AnswerCache.name, () => {
  let sut: AnswerCache;
  let fake: ReturnType<typeof fakeRedis>;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    fake = fakeRedis();
    const keys = { key: (...parts: Array<string | number>) => ['test', ...parts].join(':') } as unknown as RedisConnectionFactory;
    sut = new AnswerCache(fake.redis, keys, { answerCacheTtlSeconds: 86_400 } as AiConfig);
  });

  it('should answer a stored answer for the same question written differently', async () => {
    await sut.set(organizationId, 'Qual o valor da consulta?', scope, 'A consulta custa R$ 200.');

    await expect(sut.get(organizationId, 'qual o VALOR da consulta', scope)).resolves.toBe('A consulta custa R$ 200.');
    expect(fake.set).toHaveBeenCalledWith(expect.stringMatching(/^test:ai:answer:3f9a4c1e-[^:]+:0:[0-9a-f]{64}$/), 'A consulta custa R$ 200.', 'EX', 86_400);
  });

  it('should miss when the knowledge or the prompt changed', async () => {
    await sut.set(organizationId, 'Qual o valor da consulta?', scope, 'R$ 200');

    await expect(sut.get(organizationId, 'Qual o valor da consulta?', { ...scope, knowledgeVersion: 'k-13' })).resolves.toBeNull();
    await expect(sut.get(organizationId, 'Qual o valor da consulta?', { ...scope, promptVersion: 'reply-v4' })).resolves.toBeNull();
  });

  it('should keep organizations apart', async () => {
    await sut.set(organizationId, 'Qual o valor da consulta?', scope, 'R$ 200');
    await expect(sut.get(otherOrganizationId, 'Qual o valor da consulta?', scope)).resolves.toBeNull();
  });

  it('should forget everything of the organization on invalidateOrganization, and only of it', async () => {
    await sut.set(organizationId, 'Qual o valor da consulta?', scope, 'R$ 200');
    await sut.set(otherOrganizationId, 'Qual o valor da consulta?', scope, 'R$ 150');

    await sut.invalidateOrganization(organizationId);

    await expect(sut.get(organizationId, 'Qual o valor da consulta?', scope)).resolves.toBeNull();
    await expect(sut.get(otherOrganizationId, 'Qual o valor da consulta?', scope)).resolves.toBe('R$ 150');
    await sut.set(organizationId, 'Qual o valor da consulta?', scope, 'R$ 220');
    await expect(sut.get(organizationId, 'Qual o valor da consulta?', scope)).resolves.toBe('R$ 220');
  });

  it('should not cache questions that normalise to almost nothing, nor empty answers', async () => {
    await sut.set(organizationId, 'Oi?!', scope, 'Olá!');
    await sut.set(organizationId, 'Qual o valor?', scope, '   ');
    expect(fake.set).not.toHaveBeenCalled();
    await expect(sut.get(organizationId, '??', scope)).resolves.toBeNull();
  });

  it('should treat a Redis failure as a miss', async () => {
    (fake.redis.get as jest.Mock).mockRejectedValue(new Error('redis down'));
    await expect(sut.get(organizationId, 'Qual o valor da consulta?', scope)).resolves.toBeNull();
    await expect(sut.set(organizationId, 'Qual o valor da consulta?', scope, 'R$ 200')).resolves.toBeUndefined();
  });

  describe(answerCacheHash.name, () => {
    it('should not let fields run into each other', () => {
      expect(answerCacheHash(organizationId, 'a b', { knowledgeVersion: 'c', promptVersion: 'd' })).not.toBe(
        answerCacheHash(organizationId, 'a', { knowledgeVersion: 'b c', promptVersion: 'd' }),
      );
    });
  });
});
