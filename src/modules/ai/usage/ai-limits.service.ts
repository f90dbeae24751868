import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS_CLIENT } from 'src/common/redis/redis.module';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { AiSettingsService } from 'src/modules/ai/settings/ai-settings.service';
import { AlertSeverity, AlertType } from 'src/modules/alerts/alert.entity';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { AiModelCallsRepository } from './ai-model-calls.repository';

export interface DailyCapCheck {
  allowed: boolean;
  used: number;
  cap: number;
}

export interface MonthlyBudgetCheck {
  withinBudget: boolean;
  usedTokens: number;
  budget: number | null;
}

// Summing a month of calls on every turn is wasteful; a budget may be overshot by what this window lets through.
const USED_TOKENS_CACHE_SECONDS = 30;
// Longer than any month, so the "alert raised" mark outlives the month it is about.
const ALERT_MARK_SECONDS = 40 * 86_400;

/** Guards the AI spend: per-conversation daily call cap and the monthly token budget, both in the clinic's time zone. */
@Injectable()
export class AiLimitsService {
  private readonly logger = new Logger(AiLimitsService.name);

  constructor(
    private readonly calls: AiModelCallsRepository,
    private readonly settings: AiSettingsService,
    private readonly organizations: OrganizationsService,
    private readonly alerts: AlertsService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly keys: RedisConnectionFactory,
  ) {}

  /**
   * Model calls of the conversation since local midnight, read from the ledger every process writes, so all
   * workers agree. Offline answers and cache hits do not count. Calls racing each other may pass the cap by one each.
   */
  async checkConversationDailyCap(organizationId: string, conversationId: string): Promise<DailyCapCheck> {
    const [settings, timezone] = await Promise.all([this.settings.get(organizationId), this.timezoneOf(organizationId)]);
    const used = await this.calls.countModelCallsToday(organizationId, conversationId, timezone);
    const cap = settings.maxModelCallsPerConversationPerDay;
    return { allowed: used < cap, used, cap };
  }

  /** Tokens this calendar month against the budget; the first time a month goes over, an alert is raised. */
  async checkMonthlyBudget(organizationId: string): Promise<MonthlyBudgetCheck> {
    const [settings, timezone] = await Promise.all([this.settings.get(organizationId), this.timezoneOf(organizationId)]);
    const month = monthIn(timezone, new Date());
    const usedTokens = await this.usedTokens(organizationId, timezone, month);
    const budget = settings.monthlyTokenBudget;
    const withinBudget = budget === null || usedTokens < budget;
    if (!withinBudget) await this.alertOnce(organizationId, month, usedTokens, budget);
    return { withinBudget, usedTokens, budget };
  }

  private async usedTokens(organizationId: string, timezone: string, month: string): Promise<number> {
    const key = this.keys.key('ai', 'budget', 'used', organizationId, month);
    const cached = await this.redis.get(key);
    if (cached !== null) return Number(cached);
    const used = await this.calls.tokensThisMonth(organizationId, timezone);
    await this.redis.set(key, String(used), 'EX', USED_TOKENS_CACHE_SECONDS);
    return used;
  }

  // The Redis mark makes it once a month even if staff resolve the alert while the budget is still spent.
  private async alertOnce(organizationId: string, month: string, usedTokens: number, budget: number): Promise<void> {
    const mark = this.keys.key('ai', 'budget', 'alerted', organizationId, month);
    if ((await this.redis.set(mark, '1', 'EX', ALERT_MARK_SECONDS, 'NX')) !== 'OK') return;
    try {
      await this.alerts.raise(organizationId, {
        type: AlertType.AiBudgetExceeded,
        severity: AlertSeverity.Warning,
        title: `Monthly AI token budget spent (${usedTokens} of ${budget} tokens in ${month}): the bot answers offline until next month or a higher budget`,
        dedupeKey: `ai-budget-exceeded:${month}`,
        details: { month, used_tokens: usedTokens, budget },
      });
    } catch (error) {
      await this.redis.del(mark);
      this.logger.error({ organizationId, month, err: error instanceof Error ? error.message : String(error) }, 'could not raise AI budget alert');
    }
  }

  private async timezoneOf(organizationId: string): Promise<string> {
    return (await this.organizations.getMessagingSettings(organizationId)).timezone;
  }
}

/** `yyyy-mm` of `at` in `timezone`. */
export function monthIn(timezone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}
