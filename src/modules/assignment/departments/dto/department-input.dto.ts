import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { trimString } from 'src/common/validation/transforms';
import { normalizeForMatch } from '../../routing/keyword-match';

export const MAX_DEPARTMENT_KEYWORDS = 50;
export const MAX_DEPARTMENT_MEMBERS = 100;

const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value;

export class CreateDepartmentDto {
  @ApiProperty({ example: 'Odontologia', minLength: 2, maxLength: 80, description: 'Unique in the organization, ignoring case' })
  @Transform(trimString)
  @IsString()
  @Length(2, 80)
  name!: string;

  @ApiPropertyOptional({ example: 'Limpeza, canal, implantes e clareamento.', nullable: true, type: String, maxLength: 500 })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @Transform(trimString)
  @IsString()
  @Length(1, 500)
  description?: string | null;

  @ApiPropertyOptional({
    example: ['limpeza', 'canal', 'implante', 'clareamento dental'],
    default: [],
    maxItems: MAX_DEPARTMENT_KEYWORDS,
    description:
      'Procedures or words this department serves. The procedure the AI detected matches a keyword when the keyword’s ' +
      'words appear as whole words in it, ignoring accents and case; the longest matching keyword wins.',
  })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(MAX_DEPARTMENT_KEYWORDS)
  @IsString({ each: true })
  @Length(2, 60, { each: true })
  @ArrayUnique((keyword: unknown) => (typeof keyword === 'string' ? normalizeForMatch(keyword) : keyword), {
    message: 'keywords must be unique, ignoring accents and case',
  })
  keywords?: string[];

  @ApiPropertyOptional({
    example: ['7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f'],
    default: [],
    maxItems: MAX_DEPARTMENT_MEMBERS,
    description: 'Ids of active secretaries of the organization who work this department’s items',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_DEPARTMENT_MEMBERS)
  @IsUUID('all', { each: true })
  @ArrayUnique()
  member_ids?: string[];
}

export class UpdateDepartmentDto extends PartialType(CreateDepartmentDto) {}
