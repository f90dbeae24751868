import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { trimString } from 'src/common/validation/transforms';
import {
  KNOWLEDGE_CATEGORIES,
  KNOWLEDGE_CONTENT_MAX_LENGTH,
  KNOWLEDGE_TAG_MAX_LENGTH,
  KNOWLEDGE_TAGS_MAX,
  KNOWLEDGE_TITLE_MAX_LENGTH,
  KnowledgeCategory,
} from '../../knowledge.constants';

/** Absent is fine, an explicit null is not (columns that always hold a value). */
const OptionalNotNull = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

const toTags = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((tag) => (typeof tag === 'string' ? tag.trim().toLocaleLowerCase('pt-BR') : tag)) : value;

export class CreateKnowledgeItemDto {
  @ApiProperty({ example: 'Política de cancelamento', maxLength: KNOWLEDGE_TITLE_MAX_LENGTH, description: 'Unique in the clinic, ignoring case' })
  @Transform(trimString)
  @IsString()
  @Length(1, KNOWLEDGE_TITLE_MAX_LENGTH)
  title!: string;

  @ApiProperty({
    example: 'Cancelamentos e remarcações devem ser feitos com pelo menos 24 horas de antecedência pelo WhatsApp ou telefone.',
    maxLength: KNOWLEDGE_CONTENT_MAX_LENGTH,
    description: 'Plain text or Markdown, as the bot may quote it to patients',
  })
  @Transform(trimString)
  @IsString()
  @Length(1, KNOWLEDGE_CONTENT_MAX_LENGTH)
  content!: string;

  @ApiProperty({ enum: KNOWLEDGE_CATEGORIES, example: KnowledgeCategory.Policies })
  @IsIn(KNOWLEDGE_CATEGORIES, { message: `category must be one of: ${KNOWLEDGE_CATEGORIES.join(', ')}` })
  category!: KnowledgeCategory;

  @ApiPropertyOptional({ example: ['cancelamento', 'remarcação'], type: [String], default: [], description: 'Stored trimmed and lower-case' })
  @OptionalNotNull()
  @Transform(toTags)
  @IsArray()
  @ArrayMaxSize(KNOWLEDGE_TAGS_MAX)
  @ArrayUnique({ message: 'tags must not repeat' })
  @IsString({ each: true })
  @Length(1, KNOWLEDGE_TAG_MAX_LENGTH, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ example: true, default: true, description: 'Inactive items stay listed but are never retrieved by the bot' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

/** Every field optional; null is refused everywhere (no column of an item may be empty). */
export class UpdateKnowledgeItemDto extends PartialType(CreateKnowledgeItemDto, { skipNullProperties: false }) {}
