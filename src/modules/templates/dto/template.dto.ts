import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { SortablePageQueryDto, SortOrder } from 'src/common/pagination';
import { toLowerTrimmed, trimString } from 'src/common/validation/transforms';
import { TemplateEntity } from '../template.entity';
import { TEMPLATE_VARIABLE_NAMES, TemplateVariable, variablesIn } from '../template-variables';
import { IsTemplateValues, TEMPLATE_VALUES_SCHEMA } from './template-values';

/** WhatsApp's own limit for a text message. */
export const TEMPLATE_CONTENT_MAX_LENGTH = 4096;

export class CreateTemplateDto {
  @ApiProperty({ example: 'Confirmação de consulta', minLength: 1, maxLength: 80, description: 'Unique in the organization, ignoring case' })
  @Transform(trimString)
  @IsString()
  @Length(1, 80)
  name!: string;

  @ApiProperty({
    example: 'Olá {{nome}}! Sua consulta na {{clinica}} está marcada para {{data}} às {{hora}}. Podemos confirmar?',
    minLength: 1,
    maxLength: TEMPLATE_CONTENT_MAX_LENGTH,
    description: `Text with \`{{variable}}\` placeholders. Allowed: ${TEMPLATE_VARIABLE_NAMES.join(', ')}. Any other name, or a broken placeholder, answers 400 TEMPLATE_VARIABLES_INVALID.`,
  })
  @Transform(trimString)
  @IsString()
  @Length(1, TEMPLATE_CONTENT_MAX_LENGTH)
  content!: string;

  @ApiPropertyOptional({ example: 'agendamento', nullable: true, type: String, maxLength: 40, description: 'Free grouping, stored lower case' })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @Transform(toLowerTrimmed)
  @IsString()
  @Length(1, 40)
  category?: string | null;
}

export class UpdateTemplateDto extends PartialType(CreateTemplateDto, { skipNullProperties: false }) {}

export const TEMPLATE_SORT_FIELDS = ['name', 'created_at', 'updated_at'] as const;

export class ListTemplatesQueryDto extends SortablePageQueryDto(TEMPLATE_SORT_FIELDS, 'name') {
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc', example: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  override order: SortOrder = 'asc';

  @ApiPropertyOptional({ example: 'agendamento' })
  @IsOptional()
  @Transform(toLowerTrimmed)
  @IsString()
  @Length(1, 40)
  category?: string;

  @ApiPropertyOptional({ example: 'confirma', description: 'Case-insensitive part of the name' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 80)
  search?: string;
}

export class RenderTemplateDto {
  @ApiPropertyOptional({ ...TEMPLATE_VALUES_SCHEMA, default: {} })
  @IsOptional()
  @IsTemplateValues()
  variables?: Record<string, string>;
}

export class RenderedTemplateDto {
  @ApiProperty({ example: 'Olá Maria! Sua consulta na Clínica Sorriso está marcada para 25/11/2026 às 14h30. Podemos confirmar?' }) text!: string;
  @ApiProperty({ example: ['nome', 'clinica', 'data', 'hora'], description: 'The variables the template used' }) variables!: string[];
}

export class TemplateResponseDto {
  @ApiProperty({ example: '2e4f6a8c-0e1d-4c3b-9a5f-7d9b1c3e5a7f' }) id!: string;
  @ApiProperty({ example: 'Confirmação de consulta' }) name!: string;
  @ApiProperty({ example: 'Olá {{nome}}! Sua consulta na {{clinica}} está marcada para {{data}} às {{hora}}. Podemos confirmar?' }) content!: string;
  @ApiProperty({ example: 'agendamento', nullable: true, type: String }) category!: string | null;
  @ApiProperty({ example: ['nome', 'clinica', 'data', 'hora'], description: 'Variables the content uses, in order of first use' }) variables!: TemplateVariable[];
  @ApiProperty({ example: '2026-11-01T09:30:00.000Z', format: 'date-time' }) created_at!: string;
  @ApiProperty({ example: '2026-11-01T09:30:00.000Z', format: 'date-time' }) updated_at!: string;

  static from(template: TemplateEntity): TemplateResponseDto {
    return {
      id: template.id,
      name: template.name,
      content: template.content,
      category: template.category,
      variables: variablesIn(template.content) as TemplateVariable[],
      created_at: template.createdAt.toISOString(),
      updated_at: template.updatedAt.toISOString(),
    };
  }
}
