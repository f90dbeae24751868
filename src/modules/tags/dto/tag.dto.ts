import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { SortablePageQueryDto, SortOrder } from 'src/common/pagination';
import { trimString } from 'src/common/validation/transforms';
import { TagEntity } from '../tag.entity';

export const TAG_NAME_MAX_LENGTH = 50;
const toUpperTrimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class CreateTagDto {
  @ApiProperty({ example: 'Retorno', minLength: 1, maxLength: TAG_NAME_MAX_LENGTH, description: 'Unique in the organization, ignoring case' })
  @Transform(trimString)
  @IsString()
  @Length(1, TAG_NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ example: '#1E88E5', pattern: '^#[0-9A-Fa-f]{6}$', description: 'Hex colour `#RRGGBB`; stored upper case' })
  @Transform(toUpperTrimmed)
  @IsString()
  @Matches(/^#[0-9A-F]{6}$/, { message: 'color must be a hex colour like #1E88E5' })
  color!: string;
}

export class UpdateTagDto extends PartialType(CreateTagDto, { skipNullProperties: false }) {}

export const TAG_SORT_FIELDS = ['name', 'created_at'] as const;

export class ListTagsQueryDto extends SortablePageQueryDto(TAG_SORT_FIELDS, 'name') {
  // Alphabetical by default: the tag picker reads A to Z.
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc', example: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  override order: SortOrder = 'asc';

  @ApiPropertyOptional({ example: 'ret', description: 'Case-insensitive part of the name' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, TAG_NAME_MAX_LENGTH)
  search?: string;
}

export class TagResponseDto {
  @ApiProperty({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f' }) id!: string;
  @ApiProperty({ example: 'Retorno' }) name!: string;
  @ApiProperty({ example: '#1E88E5' }) color!: string;
  @ApiProperty({ example: '2026-11-01T09:30:00.000Z', format: 'date-time' }) created_at!: string;
  @ApiProperty({ example: '2026-11-01T09:30:00.000Z', format: 'date-time' }) updated_at!: string;

  static from(tag: TagEntity): TagResponseDto {
    return { id: tag.id, name: tag.name, color: tag.color, created_at: tag.createdAt.toISOString(), updated_at: tag.updatedAt.toISOString() };
  }
}
