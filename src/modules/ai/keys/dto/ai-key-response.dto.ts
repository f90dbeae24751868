import { ApiProperty } from '@nestjs/swagger';
import { AiApiKeyEntity, BenchKind } from '../ai-api-key.entity';

/** Never the key itself: only what lets staff tell keys apart and see their health. */
export class AiKeyResponseDto {
  @ApiProperty({ example: '0b6f1c7e-2d4a-4e8b-9f3c-5a7d9e1b3c5f' }) id!: string;
  @ApiProperty({ example: 'Conta Google da clínica', nullable: true, type: String }) label!: string | null;
  @ApiProperty({ example: 'x9Qa', description: 'Last 4 characters of the key' }) last4!: string;
  @ApiProperty({ example: '2026-11-01T09:30:00.000Z', format: 'date-time' }) created_at!: string;
  @ApiProperty({ example: '2026-11-20T18:45:00.000Z', format: 'date-time', nullable: true, type: String, description: 'Updated at most once a minute' })
  last_used_at!: string | null;
  @ApiProperty({ example: null, format: 'date-time', nullable: true, type: String, description: 'Set aside after an auth or quota error until then; null when usable' })
  benched_until!: string | null;
  @ApiProperty({ example: 0, description: 'Auth and quota failures since the key last worked' }) failure_count!: number;
  @ApiProperty({ enum: ['auth', 'quota'], example: null, nullable: true }) last_failure_kind!: BenchKind | null;
  @ApiProperty({ example: null, format: 'date-time', nullable: true, type: String }) last_failure_at!: string | null;

  static from(key: AiApiKeyEntity, now: number): AiKeyResponseDto {
    return {
      id: key.id,
      label: key.label,
      last4: key.last4,
      created_at: key.createdAt.toISOString(),
      last_used_at: key.lastUsedAt?.toISOString() ?? null,
      benched_until: key.benchedUntil && key.benchedUntil.getTime() > now ? key.benchedUntil.toISOString() : null,
      failure_count: key.failureCount,
      last_failure_kind: key.lastFailureKind,
      last_failure_at: key.lastFailureAt?.toISOString() ?? null,
    };
  }
}
