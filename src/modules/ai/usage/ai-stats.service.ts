import { Injectable } from '@nestjs/common';
import { AuthUser } from 'src/common/auth/auth-user';
import { validationFailed } from 'src/common/validation/validation';
import { pgErrorCode } from 'src/database/pg-errors';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { ModelCallFeature } from './ai-model-call.entity';
import { AiModelCallsRepository, StatsWindow, UsageAmountsRow } from './ai-model-calls.repository';
import { AiStatsQueryDto } from './dto/ai-stats-query.dto';
import { AiStatsResponseDto } from './dto/ai-stats-response.dto';
import { MAX_STATS_WINDOW_DAYS } from './stats-range';

const DAY_MS = 86_400_000;
// A local-day window can be an hour longer than whole days across a DST change.
const MAX_WINDOW_MS = MAX_STATS_WINDOW_DAYS * DAY_MS + 3_600_000;

@Injectable()
export class AiStatsService {
  constructor(
    private readonly calls: AiModelCallsRepository,
    private readonly organizations: OrganizationsService,
  ) {}

  async stats(actor: AuthUser, query: AiStatsQueryDto): Promise<AiStatsResponseDto> {
    const { timezone } = await this.organizations.getMessagingSettings(actor.organizationId);
    const window = await this.resolveWindow(timezone, query);
    const [totals, byFeature, byModel] = await Promise.all([
      this.calls.totals(actor.organizationId, window),
      this.calls.byFeature(actor.organizationId, window),
      this.calls.byModel(actor.organizationId, window),
    ]);
    return {
      start: window.start.toISOString(),
      end: window.end.toISOString(),
      timezone,
      totals: {
        ...amounts(totals),
        model_calls: totals.model_calls,
        cache_hits: totals.cache_hits,
        errors: totals.errors,
      },
      latency: { avg_ms: round(nullableNumber(totals.avg_latency_ms), 1), p95_ms: round(nullableNumber(totals.p95_latency_ms), 1) },
      cache_hit_rate: ratio(totals.cache_hits, totals.replies),
      error_rate: ratio(totals.errors, totals.model_calls),
      by_feature: byFeature.map((row) => ({ feature: row.feature as ModelCallFeature, ...amounts(row) })),
      by_model: byModel.map((row) => ({
        provider: row.provider,
        model: row.model,
        ...amounts(row),
        avg_latency_ms: round(nullableNumber(row.avg_latency_ms), 1),
      })),
    };
  }

  private async resolveWindow(timezone: string, query: AiStatsQueryDto): Promise<StatsWindow> {
    try {
      return checkWindow(await this.calls.resolveWindow(timezone, query.start_date, query.end_date));
    } catch (error) {
      // Dates that pass validation but not Postgres' calendar (out of range) are still the client's mistake.
      if (pgErrorCode(error)?.startsWith('22')) {
        throw validationFailed([{ field: 'start_date', errors: ['start_date and end_date must be dates Postgres can represent'] }]);
      }
      throw error;
    }
  }
}

function checkWindow(window: StatsWindow): StatsWindow {
  const length = window.end.getTime() - window.start.getTime();
  if (length <= 0) throw validationFailed([{ field: 'start_date', errors: ['start_date must be before end_date'] }]);
  if (length > MAX_WINDOW_MS) {
    throw validationFailed([{ field: 'start_date', errors: [`the window may span at most ${MAX_STATS_WINDOW_DAYS} days`] }]);
  }
  return window;
}

function amounts(row: UsageAmountsRow): { calls: number; input_tokens: number; output_tokens: number; cost_usd: number } {
  return {
    calls: row.calls,
    input_tokens: Number(row.input_tokens ?? 0),
    output_tokens: Number(row.output_tokens ?? 0),
    cost_usd: round(Number(row.cost_usd ?? 0), 6) ?? 0,
  };
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole, 4) : null;
}

function nullableNumber(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}

function round(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
