import { ApiProperty } from '@nestjs/swagger';
import { KNOWLEDGE_CATEGORIES, KnowledgeCategory } from '../../knowledge.constants';
import { KnowledgeItemEntity } from '../knowledge-item.entity';

export class KnowledgeItemResponseDto {
  @ApiProperty({ example: '7c1e2f4a-3b5d-4e6f-8a9b-0c1d2e3f4a5b' }) id!: string;
  @ApiProperty({ example: 'Política de cancelamento' }) title!: string;
  @ApiProperty({ example: 'Cancelamentos e remarcações devem ser feitos com pelo menos 24 horas de antecedência.' }) content!: string;
  @ApiProperty({ enum: KNOWLEDGE_CATEGORIES, example: KnowledgeCategory.Policies }) category!: KnowledgeCategory;
  @ApiProperty({ example: ['cancelamento'], type: [String] }) tags!: string[];
  @ApiProperty({ example: true }) active!: boolean;
  @ApiProperty({ example: '2026-11-01T09:30:00.000Z', format: 'date-time' }) created_at!: string;
  @ApiProperty({ example: '2026-11-20T18:45:00.000Z', format: 'date-time' }) updated_at!: string;

  static from(item: KnowledgeItemEntity): KnowledgeItemResponseDto {
    return {
      id: item.id,
      title: item.title,
      content: item.content,
      category: item.category,
      tags: item.tags,
      active: item.active,
      created_at: item.createdAt.toISOString(),
      updated_at: item.updatedAt.toISOString(),
    };
  }
}
