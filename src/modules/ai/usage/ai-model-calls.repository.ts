import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AiModelCallEntity } from './ai-model-call.entity';
import { rangeQuery } from './stats-range';

/** Rows that reached a model provider: not rules-engine answers, not cache hits. */
const MODEL_CALL = `provider <> 'offline' AND outcome <> 'cache_hit'`;
const FAILED = `outcome IN ('error', 'timeout', 'invalid_output')`;
const AMOUNTS = `count(*)::int AS calls, coalesce(sum(input_tokens), 0)::bigint AS input_tokens,
  coalesce(sum(output_tokens), 0)::bigint AS output_tokens, coalesce(sum(cost_usd), 0) AS cost_usd`;
const WINDOW = `organization_id = $1 AND created_at >= $2 AND created_at < $3`;

/** Aggregates come back from pg as strings (bigint, numeric) or numbers (int, float8). */
type Numeric = string | number | null;

export interface UsageAmountsRow {
  calls: number;
  input_tokens: Numeric;
  output_tokens: Numeric;
  cost_usd: Numeric;
}

export interface UsageTotalsRow extends UsageAmountsRow {
  model_calls: number;
  cache_hits: number;
  replies: number;
  errors: number;
  avg_latency_ms: Numeric;
  p95_latency_ms: Numeric;
}

export interface StatsWindow {
  start: Date;
  end: Date;
}

@Injectable()
export class AiModelCallsRepository {
  constructor(@InjectRepository(AiModelCallEntity) private readonly calls: Repository<AiModelCallEntity>) {}

  async resolveWindow(timezone: string, startDate?: string, endDate?: string): Promise<StatsWindow> {
    const { sql, params } = rangeQuery(timezone, startDate, endDate);
    const [row] = (await this.calls.query(sql, params)) as StatsWindow[];
    return row;
  }

  async totals(organizationId: string, window: StatsWindow): Promise<UsageTotalsRow> {
    const [row] = (await this.calls.query(
      `SELECT ${AMOUNTS},
              count(*) FILTER (WHERE ${MODEL_CALL})::int AS model_calls,
              count(*) FILTER (WHERE outcome = 'cache_hit')::int AS cache_hits,
              count(*) FILTER (WHERE feature = 'reply')::int AS replies,
              count(*) FILTER (WHERE ${MODEL_CALL} AND ${FAILED})::int AS errors,
              avg(latency_ms) FILTER (WHERE ${MODEL_CALL}) AS avg_latency_ms,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE ${MODEL_CALL}) AS p95_latency_ms
         FROM ai_model_calls WHERE ${WINDOW}`,
      [organizationId, window.start, window.end],
    )) as UsageTotalsRow[];
    return row;
  }

  async byFeature(organizationId: string, window: StatsWindow): Promise<(UsageAmountsRow & { feature: string })[]> {
    return this.calls.query(
      `SELECT feature, ${AMOUNTS} FROM ai_model_calls WHERE ${WINDOW} GROUP BY feature ORDER BY calls DESC, feature`,
      [organizationId, window.start, window.end],
    );
  }

  async byModel(organizationId: string, window: StatsWindow): Promise<(UsageAmountsRow & { provider: string; model: string; avg_latency_ms: Numeric })[]> {
    return this.calls.query(
      `SELECT provider, model, ${AMOUNTS}, avg(latency_ms) FILTER (WHERE ${MODEL_CALL}) AS avg_latency_ms
         FROM ai_model_calls WHERE ${WINDOW} GROUP BY provider, model ORDER BY calls DESC, provider, model`,
      [organizationId, window.start, window.end],
    );
  }

  /** Model calls of one conversation since local midnight in `timezone`. */
  async countModelCallsToday(organizationId: string, conversationId: string, timezone: string): Promise<number> {
    const [row] = (await this.calls.query(
      `SELECT count(*)::int AS used FROM ai_model_calls
        WHERE organization_id = $1 AND conversation_id = $2 AND ${MODEL_CALL}
          AND created_at >= (date_trunc('day', now() AT TIME ZONE $3) AT TIME ZONE $3)`,
      [organizationId, conversationId, timezone],
    )) as { used: number }[];
    return row.used;
  }

  /** Input + output tokens since the first of the month, local time in `timezone`. */
  async tokensThisMonth(organizationId: string, timezone: string): Promise<number> {
    const [row] = (await this.calls.query(
      `SELECT coalesce(sum(input_tokens::bigint + output_tokens), 0)::bigint AS used FROM ai_model_calls
        WHERE organization_id = $1 AND created_at >= (date_trunc('month', now() AT TIME ZONE $2) AT TIME ZONE $2)`,
      [organizationId, timezone],
    )) as { used: string }[];
    return Number(row.used);
  }
}
