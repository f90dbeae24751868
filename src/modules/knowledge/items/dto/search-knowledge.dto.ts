import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { trimString } from 'src/common/validation/transforms';
import { KNOWLEDGE_CATEGORIES, KnowledgeCategory, SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT } from '../../knowledge.constants';
import { RetrievedChunk } from '../../retrieval/knowledge-search.service';

export class SearchKnowledgeQueryDto {
  @ApiProperty({ example: 'quanto custa a limpeza?', description: 'A patient’s question, as typed' })
  @Transform(trimString)
  @IsString()
  @Length(1, 500)
  q!: string;

  @ApiPropertyOptional({ example: SEARCH_DEFAULT_LIMIT, minimum: 1, maximum: SEARCH_MAX_LIMIT, default: SEARCH_DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEARCH_MAX_LIMIT)
  limit: number = SEARCH_DEFAULT_LIMIT;
}

export class RetrievedChunkDto {
  @ApiProperty({ example: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b' }) chunk_id!: string;
  @ApiProperty({ example: '7c1e2f4a-3b5d-4e6f-8a9b-0c1d2e3f4a5b' }) item_id!: string;
  @ApiProperty({ example: 'Tabela de preços: odontologia' }) title!: string;
  @ApiProperty({ enum: KNOWLEDGE_CATEGORIES, example: KnowledgeCategory.Prices }) category!: KnowledgeCategory;
  @ApiProperty({ example: 'Tabela de preços: odontologia\n\nLimpeza (profilaxia) com aplicação de flúor: R$ 180,00' }) content!: string;
  @ApiProperty({ example: 0.0328, description: 'Fused reciprocal-rank score; only the order is meaningful' }) score!: number;

  static from(chunk: RetrievedChunk): RetrievedChunkDto {
    return { chunk_id: chunk.chunkId, item_id: chunk.itemId, title: chunk.title, category: chunk.category, content: chunk.content, score: chunk.score };
  }
}

/** Top matches, best first: a ranking, not a paged list. */
export class SearchKnowledgeResponseDto {
  @ApiProperty({ type: [RetrievedChunkDto] }) items!: RetrievedChunkDto[];
}
