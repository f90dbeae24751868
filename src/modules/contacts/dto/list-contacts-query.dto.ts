import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { SortablePageQueryDto } from 'src/common/pagination';
import { toQueryBoolean, trimString } from 'src/common/validation/transforms';

export const CONTACT_SORT_FIELDS = ['created_at', 'name', 'updated_at'] as const;

export class ListContactsQueryDto extends SortablePageQueryDto(CONTACT_SORT_FIELDS, 'created_at') {
  @ApiPropertyOptional({
    example: 'silva',
    description: 'Case-insensitive part of the name or phone. With 4 or more digits it also matches the phone whatever its formatting, e.g. `98765-4321`.',
  })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  search?: string;

  @ApiPropertyOptional({ example: false, type: Boolean })
  @IsOptional()
  @Transform(toQueryBoolean)
  @IsBoolean()
  blocked?: boolean;

  @ApiPropertyOptional({ example: false, type: Boolean })
  @IsOptional()
  @Transform(toQueryBoolean)
  @IsBoolean()
  opted_out?: boolean;
}
