import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { AiSettingsService } from 'src/modules/ai/settings/ai-settings.service';
import { AiSettings } from 'src/modules/ai/settings/ai-settings.types';
import { AlertType } from 'src/modules/alerts/alert.entity';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { AiLimitsService, monthIn } from './ai-limits.service';
import { AiModelCallsRepository } from './ai-model-calls.repository';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const conversationId = '5b0c7a2e-1f3d-4c8a-9e6b-2d4f6a8c0e12';

describe(AiLimitsService.name, () => {
  let sut: AiLimitsService;
  let calls: { countModelCallsToday: jest.Mock; tokensThisMonth: jest.Mock };
  let settings: Pick<AiSettings, 'maxModelCallsPerConversationPerDay' | 'monthlyTokenBudget'>;
  let alerts: { raise: jest.Mock };
  let store: Map<string, string>;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    calls = { countModelCallsToday: jest.fn().mockResolvedValue(0), tokensThisMonth: jest.fn().mockResolvedValue(0) };
    settings = { maxModelCallsPerConversationPerDay: 3, monthlyTokenBudget: 10_000 };
    alerts = { raise: jest.fn().mockResolvedValue(true) };
    store = new Map();
    const redis = {
      get: jest.fn(async (key: string) => store.get(key) ?? null),
      set: jest.fn(async (key: string, value: string, _ex: string, _ttl: number, nx?: string) => {
        if (nx === 'NX' && store.has(key)) return null;
        store.set(key, value);
        return 'OK';
      }),
      del: jest.fn(async (key: string) => Number(store.delete(key))),
    };
    sut = new AiLimitsService(
      calls as unknown as AiModelCallsRepository,
      { get: jest.fn(async () => settings) } as unknown as AiSettingsService,
      { getMessagingSettings: jest.fn(async () => ({ timezone: 'America/Sao_Paulo' })) } as unknown as OrganizationsService,
      alerts as unknown as AlertsService,
      redis as unknown as Redis,
      { key: (...parts: Array<string | number>) => ['test', ...parts].join(':') } as unknown as RedisConnectionFactory,
    );
  });

  describe('checkConversationDailyCap', () => {
    it('should allow calls below the organization’s cap, counted in its time zone', async () => {
      calls.countModelCallsToday.mockResolvedValue(2);
      await expect(sut.checkConversationDailyCap(organizationId, conversationId)).resolves.toEqual({ allowed: true, used: 2, cap: 3 });
      expect(calls.countModelCallsToday).toHaveBeenCalledWith(organizationId, conversationId, 'America/Sao_Paulo');
    });

    it('should refuse once the cap is reached', async () => {
      calls.countModelCallsToday.mockResolvedValue(3);
      await expect(sut.checkConversationDailyCap(organizationId, conversationId)).resolves.toEqual({ allowed: false, used: 3, cap: 3 });
    });
  });

  describe('checkMonthlyBudget', () => {
    it('should be within budget below it, without an alert', async () => {
      calls.tokensThisMonth.mockResolvedValue(9_999);
      await expect(sut.checkMonthlyBudget(organizationId)).resolves.toEqual({ withinBudget: true, usedTokens: 9_999, budget: 10_000 });
      expect(alerts.raise).not.toHaveBeenCalled();
    });

    it('should always be within an unlimited budget', async () => {
      settings.monthlyTokenBudget = null;
      calls.tokensThisMonth.mockResolvedValue(5_000_000);
      await expect(sut.checkMonthlyBudget(organizationId)).resolves.toEqual({ withinBudget: true, usedTokens: 5_000_000, budget: null });
    });

    it('should raise one alert per month when the budget is spent, naming the month', async () => {
      calls.tokensThisMonth.mockResolvedValue(10_000);
      const month = monthIn('America/Sao_Paulo', new Date());

      await expect(sut.checkMonthlyBudget(organizationId)).resolves.toEqual({ withinBudget: false, usedTokens: 10_000, budget: 10_000 });
      store.delete(`test:ai:budget:used:${organizationId}:${month}`);
      await sut.checkMonthlyBudget(organizationId);

      expect(alerts.raise).toHaveBeenCalledTimes(1);
      expect(alerts.raise).toHaveBeenCalledWith(organizationId, expect.objectContaining({ type: AlertType.AiBudgetExceeded, dedupeKey: `ai-budget-exceeded:${month}` }));
      expect(alerts.raise.mock.calls[0][1].title).toMatch(/offline/);
    });

    it('should sum the month once per cache window', async () => {
      calls.tokensThisMonth.mockResolvedValue(1_000);
      await sut.checkMonthlyBudget(organizationId);
      await sut.checkMonthlyBudget(organizationId);
      expect(calls.tokensThisMonth).toHaveBeenCalledTimes(1);
    });

    it('should try the alert again next time when raising it failed', async () => {
      calls.tokensThisMonth.mockResolvedValue(20_000);
      alerts.raise.mockRejectedValueOnce(new Error('database down'));
      await sut.checkMonthlyBudget(organizationId);
      await sut.checkMonthlyBudget(organizationId);
      expect(alerts.raise).toHaveBeenCalledTimes(2);
    });
  });

  describe(monthIn.name, () => {
    it('should use the organization’s calendar, not UTC', () => {
      // 02:00 UTC on 1 December is still 30 November in São Paulo (UTC-3).
      expect(monthIn('America/Sao_Paulo', new Date('2026-12-01T02:00:00Z'))).toBe('2026-11');
      expect(monthIn('UTC', new Date('2026-12-01T02:00:00Z'))).toBe('2026-12');
    });
  });
});
