import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsNotEmpty, IsString, ValidateIf } from 'class-validator';
import { KNOWLEDGE_IMPORT_MAX_ITEMS } from '../../knowledge.constants';

export const IMPORT_FORMATS = ['json', 'csv', 'markdown'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export class ImportKnowledgeDto {
  @ApiProperty({ enum: IMPORT_FORMATS, example: 'markdown' })
  @IsIn(IMPORT_FORMATS, { message: `format must be one of: ${IMPORT_FORMATS.join(', ')}` })
  format!: ImportFormat;

  @ApiPropertyOptional({
    example: [{ title: 'Estacionamento', content: 'Estacionamento conveniado no subsolo, R$ 15 por 2 horas.', category: 'location', tags: ['estacionamento'] }],
    type: 'array',
    items: { type: 'object' },
    description: `format json: the items, each shaped like POST /knowledge (at most ${KNOWLEDGE_IMPORT_MAX_ITEMS}). Give either items or content.`,
  })
  @ValidateIf((dto: ImportKnowledgeDto) => dto.format === 'json' && dto.content === undefined)
  @IsArray()
  items?: unknown[];

  @ApiPropertyOptional({
    example: '# Preços\n\n## Limpeza dental\nCategoria: preços\nLimpeza (profilaxia) com flúor: R$ 180,00.\n',
    description:
      'The file’s text (UTF-8, at most 512 KB). **csv**: a header with title, content and category (also titulo, conteudo/resposta, ' +
      'categoria) and optional tags (separated by ; , or |) and active (sim/não); `,` or `;` separated. **markdown**: each `## Title` ' +
      'starts an item; its category comes from a `Category: x` / `Categoria: x` line under it or from the `# Category` heading above ' +
      '(e.g. `# Preços`); an optional `Tags: a, b` line. **json**: the text of an array of items.',
  })
  @ValidateIf((dto: ImportKnowledgeDto) => dto.format !== 'json' || dto.items === undefined)
  @IsString()
  @IsNotEmpty()
  content?: string;
}

export class ImportItemErrorDto {
  @ApiPropertyOptional({ example: 2, description: 'json: 0-based index of the item in the array' }) item?: number;
  @ApiPropertyOptional({ example: 14, description: 'csv / markdown: 1-based line where the item starts' }) line?: number;
  @ApiPropertyOptional({ example: 'Clareamento', description: 'The item’s title, when it has one' }) title?: string;
  @ApiProperty({ example: 'category must be one of: services, prices, hours, location, insurance, preparation, policies, faq' }) message!: string;
}

export class ImportKnowledgeResultDto {
  @ApiProperty({ example: 20, description: 'Items read' }) total!: number;
  @ApiProperty({ example: 18, description: 'Items accepted: created + updated + unchanged' }) imported!: number;
  @ApiProperty({ example: 15, description: 'New items' }) created!: number;
  @ApiProperty({ example: 2, description: 'Existing items (same title, ignoring case) that were changed' }) updated!: number;
  @ApiProperty({ example: 1, description: 'Existing items already identical' }) unchanged!: number;
  @ApiProperty({ example: 2, description: 'Items refused: invalid, or repeating an earlier item’s title' }) rejected!: number;
  @ApiProperty({ type: [ImportItemErrorDto] }) errors!: ImportItemErrorDto[];
}
