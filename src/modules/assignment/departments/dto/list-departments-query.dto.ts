import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { SortablePageQueryDto, SortOrder } from 'src/common/pagination';
import { trimString } from 'src/common/validation/transforms';

export const DEPARTMENT_SORT_FIELDS = ['name', 'created_at'] as const;

export class ListDepartmentsQueryDto extends SortablePageQueryDto(DEPARTMENT_SORT_FIELDS, 'name') {
  // Departments read alphabetically by default.
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc', example: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  override order: SortOrder = 'asc';

  @ApiPropertyOptional({ example: 'odonto', description: 'Part of the name, ignoring case' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 80)
  search?: string;

  @ApiPropertyOptional({ example: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f', description: 'Only departments this user belongs to' })
  @IsOptional()
  @IsUUID()
  member_id?: string;
}
