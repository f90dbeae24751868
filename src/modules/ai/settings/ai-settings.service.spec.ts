import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { AiConfig } from 'src/config/ai.config';
import { AuditService } from 'src/modules/audit/audit.service';
import { AiSettingsEntity } from './ai-settings.entity';
import { AiSettingsService } from './ai-settings.service';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';

describe(AiSettingsService.name, () => {
  let inserted: Partial<AiSettingsEntity>[];
  let store: Map<string, string>;

  function service(config: Partial<AiConfig>): AiSettingsService {
    inserted = [];
    const insertBuilder: Record<string, jest.Mock> = {
      insert: jest.fn().mockReturnThis(),
      values: jest.fn(function (this: unknown, values: Partial<AiSettingsEntity>) {
        inserted.push(values);
        return this;
      }),
      orIgnore: jest.fn().mockReturnThis(),
      execute: jest.fn().mockResolvedValue({}),
      where: jest.fn().mockReturnThis(),
      getOneOrFail: jest.fn(async () => Object.assign(new AiSettingsEntity(), { ...inserted[0], id: 'settings-id', updatedAt: new Date('2026-11-20T12:00:00Z') })),
    };
    const repository = { createQueryBuilder: jest.fn(() => insertBuilder) };
    const settings = { manager: { getRepository: () => repository } } as unknown as Repository<AiSettingsEntity>;
    store = new Map();
    const redis = {
      get: jest.fn(async (key: string) => store.get(key) ?? null),
      set: jest.fn(async (key: string, value: string) => {
        store.set(key, value);
        return 'OK';
      }),
    } as unknown as Redis;
    const keys = { key: (...parts: Array<string | number>) => ['test', ...parts].join(':') } as unknown as RedisConnectionFactory;
    return new AiSettingsService(settings, {} as AuditService, config as AiConfig, redis, keys);
  }

  describe('get', () => {
    it('should create the row with the deployment’s default engine and daily cap, then serve it from the shared cache', async () => {
      const sut = service({ provider: 'gemini', maxModelCallsPerConversationPerDay: 80 });

      const settings = await sut.get(organizationId);

      expect(settings).toEqual({
        organizationId,
        enabled: true,
        engine: 'gemini',
        model: 'gemini-2.5-flash',
        persona: { botName: 'Clara', tone: 'friendly', greeting: expect.stringContaining('Clara'), disclaimers: ['Não substituo uma avaliação profissional.'] },
        debounceMs: 3000,
        maxDebounceMs: 15000,
        humanIdleHandbackMinutes: 120,
        maxModelCallsPerConversationPerDay: 80,
        monthlyTokenBudget: null,
        historyWindow: 12,
        updatedAt: '2026-11-20T12:00:00.000Z',
      });
      expect(JSON.parse(store.get(`test:ai:settings:${organizationId}`) as string)).toEqual(settings);
      await expect(sut.get(organizationId)).resolves.toEqual(settings);
      expect(inserted).toHaveLength(1);
    });
  });
});
