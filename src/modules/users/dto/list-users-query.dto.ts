import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CLINIC_ROLES, ClinicRole, Role } from 'src/common/auth/role.enum';
import { SortablePageQueryDto } from 'src/common/pagination';
import { toQueryBoolean, trimString } from 'src/common/validation/transforms';

export const USER_SORT_FIELDS = ['created_at', 'name', 'email'] as const;

export class ListUsersQueryDto extends SortablePageQueryDto(USER_SORT_FIELDS, 'created_at') {
  @ApiPropertyOptional({ enum: CLINIC_ROLES, example: Role.Secretary })
  @IsOptional()
  @IsIn(CLINIC_ROLES)
  role?: ClinicRole;

  @ApiPropertyOptional({ example: true, type: Boolean })
  @IsOptional()
  @Transform(toQueryBoolean)
  @IsBoolean()
  is_active?: boolean;

  @ApiPropertyOptional({ example: 'souza', description: 'Case-insensitive match on name or email' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  search?: string;
}
