import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { SortablePageQueryDto } from 'src/common/pagination';
import { toQueryBoolean, trimString } from 'src/common/validation/transforms';
import { KNOWLEDGE_CATEGORIES, KnowledgeCategory } from '../../knowledge.constants';

export const KNOWLEDGE_SORT_FIELDS = ['updated_at', 'created_at', 'title'] as const;

export class ListKnowledgeQueryDto extends SortablePageQueryDto(KNOWLEDGE_SORT_FIELDS, 'updated_at') {
  @ApiPropertyOptional({ enum: KNOWLEDGE_CATEGORIES, example: KnowledgeCategory.Prices })
  @IsOptional()
  @IsIn(KNOWLEDGE_CATEGORIES, { message: `category must be one of: ${KNOWLEDGE_CATEGORIES.join(', ')}` })
  category?: KnowledgeCategory;

  @ApiPropertyOptional({ example: true, type: Boolean })
  @IsOptional()
  @Transform(toQueryBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    example: 'limpeza',
    description: 'Text search in title and content: a case-insensitive part of either, or any word in Portuguese whatever its accents or inflection',
  })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  q?: string;
}
