import { ApiProperty } from '@nestjs/swagger';
import { LeadScoreHistoryEntity } from '../lead-score-history.entity';
import { LEAD_SCORE_BANDS, LeadScoreBand } from '../leads.constants';
import { LeadScoreReasonDto } from './lead-response.dto';

export class LeadScoreHistoryItemDto {
  @ApiProperty({ example: '4f5e6d7c-8b9a-4c0d-9e1f-2a3b4c5d6e7f' }) id!: string;
  @ApiProperty({ type: 'integer', example: 55, minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ enum: LEAD_SCORE_BANDS, example: 'warm' }) band!: LeadScoreBand;
  @ApiProperty({ type: [LeadScoreReasonDto] }) reasons!: LeadScoreReasonDto[];
  @ApiProperty({ example: 'price_question', nullable: true, type: String, description: 'The intent detected in the turn that was scored' })
  intent!: string | null;
  @ApiProperty({ example: '2026-11-22T12:00:01.000Z', format: 'date-time' }) created_at!: string;

  static from(entry: LeadScoreHistoryEntity): LeadScoreHistoryItemDto {
    return {
      id: entry.id,
      score: entry.score,
      band: entry.band,
      reasons: entry.reasons.map(LeadScoreReasonDto.from),
      intent: entry.intent,
      created_at: entry.createdAt.toISOString(),
    };
  }
}
