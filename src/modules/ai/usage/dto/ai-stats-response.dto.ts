import { ApiProperty } from '@nestjs/swagger';
import { ModelCallFeature } from '../ai-model-call.entity';

export class AiUsageTotalsDto {
  @ApiProperty({ example: 1250, description: 'Every recorded answer and call, offline answers and cache hits included' }) calls!: number;
  @ApiProperty({ example: 980, description: 'Calls that reached a model provider (not offline, not cache hits)' }) model_calls!: number;
  @ApiProperty({ example: 1840000 }) input_tokens!: number;
  @ApiProperty({ example: 210000 }) output_tokens!: number;
  @ApiProperty({ example: 1.077, description: 'Estimated USD from the model price table' }) cost_usd!: number;
  @ApiProperty({ example: 140 }) cache_hits!: number;
  @ApiProperty({ example: 12, description: 'Model calls that ended in error, timeout or invalid output' }) errors!: number;
}

export class AiLatencyDto {
  @ApiProperty({ example: 1830.5, nullable: true, type: Number, description: 'Mean over model calls; null without any' }) avg_ms!: number | null;
  @ApiProperty({ example: 4210, nullable: true, type: Number, description: '95th percentile over model calls' }) p95_ms!: number | null;
}

class AiUsageAmountsDto {
  @ApiProperty({ example: 600 }) calls!: number;
  @ApiProperty({ example: 1200000 }) input_tokens!: number;
  @ApiProperty({ example: 150000 }) output_tokens!: number;
  @ApiProperty({ example: 0.735 }) cost_usd!: number;
}

export class AiFeatureUsageDto extends AiUsageAmountsDto {
  @ApiProperty({ enum: ModelCallFeature, example: ModelCallFeature.Reply }) feature!: ModelCallFeature;
}

export class AiModelUsageDto extends AiUsageAmountsDto {
  @ApiProperty({ example: 'gemini' }) provider!: string;
  @ApiProperty({ example: 'gemini-2.5-flash' }) model!: string;
  @ApiProperty({ example: 1830.5, nullable: true, type: Number, description: 'Mean over its model calls' }) avg_latency_ms!: number | null;
}

export class AiStatsResponseDto {
  @ApiProperty({ example: '2026-11-01T03:00:00.000Z', format: 'date-time', description: 'Inclusive' }) start!: string;
  @ApiProperty({ example: '2026-12-01T03:00:00.000Z', format: 'date-time', description: 'Exclusive' }) end!: string;
  @ApiProperty({ example: 'America/Sao_Paulo', description: 'The organization’s time zone, used for date-only bounds' }) timezone!: string;
  @ApiProperty({ type: AiUsageTotalsDto }) totals!: AiUsageTotalsDto;
  @ApiProperty({ type: AiLatencyDto }) latency!: AiLatencyDto;
  @ApiProperty({ example: 0.1892, nullable: true, type: Number, description: 'Share of replies served from the answer cache; null without replies' })
  cache_hit_rate!: number | null;
  @ApiProperty({ example: 0.0122, nullable: true, type: Number, description: 'Share of model calls that failed; null without model calls' })
  error_rate!: number | null;
  @ApiProperty({ type: [AiFeatureUsageDto] }) by_feature!: AiFeatureUsageDto[];
  @ApiProperty({ type: [AiModelUsageDto], description: 'Per provider and model, most calls first' }) by_model!: AiModelUsageDto[];
}
