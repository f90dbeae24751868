import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from 'src/common/pagination';
import { trimString } from 'src/common/validation/transforms';
import { QuickReplyEntity } from '../quick-reply.entity';

const MAX_TERMS = 20;
const TERM_MAX_LENGTH = 60;
export const QUICK_REPLY_RESPONSE_MAX_LENGTH = 4096;

/** Trimmed, blank entries dropped, duplicates (ignoring case) dropped: `[" Agendamento", "agendamento", ""]` → `["Agendamento"]`. */
const toTermList = ({ value }: { value: unknown }): unknown => {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return value;
  const seen = new Set<string>();
  return (value as string[])
    .map((item) => item.trim())
    .filter((item) => item && !seen.has(item.toLowerCase()) && seen.add(item.toLowerCase()));
};

export class CreateQuickReplyDto {
  @ApiProperty({ example: 'horarios', minLength: 1, maxLength: 60, description: 'Unique in the organization, ignoring case' })
  @Transform(trimString)
  @IsString()
  @Length(1, 60)
  trigger!: string;

  @ApiProperty({ example: 'Atendemos de segunda a sexta, das 8h às 18h, e aos sábados das 8h às 12h.', minLength: 1, maxLength: QUICK_REPLY_RESPONSE_MAX_LENGTH })
  @Transform(trimString)
  @IsString()
  @Length(1, QUICK_REPLY_RESPONSE_MAX_LENGTH)
  response!: string;

  @ApiPropertyOptional({ example: ['agendamento'], type: [String], maxItems: MAX_TERMS, default: [], description: 'Situations the reply fits' })
  @IsOptional()
  @Transform(toTermList)
  @IsArray()
  @ArrayMaxSize(MAX_TERMS)
  @IsString({ each: true })
  @Length(1, TERM_MAX_LENGTH, { each: true })
  contexts?: string[];

  @ApiPropertyOptional({ example: ['horário', 'sábado', 'funcionamento'], type: [String], maxItems: MAX_TERMS, default: [], description: 'Words or phrases of a patient’s message that make the reply relevant' })
  @IsOptional()
  @Transform(toTermList)
  @IsArray()
  @ArrayMaxSize(MAX_TERMS)
  @IsString({ each: true })
  @Length(1, TERM_MAX_LENGTH, { each: true })
  keywords?: string[];
}

export class UpdateQuickReplyDto extends PartialType(CreateQuickReplyDto, { skipNullProperties: false }) {}

export class ListQuickRepliesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'agendamento', description: 'Rank suggestions for this situation (accents and case ignored)' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, TERM_MAX_LENGTH)
  context?: string;

  @ApiPropertyOptional({ example: 'Vocês atendem no sábado?', description: 'Rank suggestions by this text too, e.g. the patient’s last message' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 1000)
  q?: string;
}

export class QuickReplyResponseDto {
  @ApiProperty({ example: '4c6e8a0b-2d4f-4a6c-8e0a-2c4e6a8c0e2a' }) id!: string;
  @ApiProperty({ example: 'horarios' }) trigger!: string;
  @ApiProperty({ example: 'Atendemos de segunda a sexta, das 8h às 18h, e aos sábados das 8h às 12h.' }) response!: string;
  @ApiProperty({ example: ['agendamento'], type: [String] }) contexts!: string[];
  @ApiProperty({ example: ['horário', 'sábado'], type: [String] }) keywords!: string[];
  @ApiProperty({ example: 125, nullable: true, type: Number, description: 'Relevance when ranked by context or q (higher is better); null otherwise' })
  score!: number | null;
  @ApiProperty({ example: '2026-11-01T09:30:00.000Z', format: 'date-time' }) created_at!: string;
  @ApiProperty({ example: '2026-11-01T09:30:00.000Z', format: 'date-time' }) updated_at!: string;

  static from(reply: QuickReplyEntity, score: number | null = null): QuickReplyResponseDto {
    return {
      id: reply.id,
      trigger: reply.trigger,
      response: reply.response,
      contexts: reply.contexts,
      keywords: reply.keywords,
      score,
      created_at: reply.createdAt.toISOString(),
      updated_at: reply.updatedAt.toISOString(),
    };
  }
}
