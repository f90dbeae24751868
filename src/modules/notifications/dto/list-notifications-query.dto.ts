import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from 'src/common/pagination';
import { toQueryBoolean } from 'src/common/validation/transforms';

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: true, type: Boolean, description: 'Only notifications not read yet' })
  @IsOptional()
  @Transform(toQueryBoolean)
  @IsBoolean()
  unread?: boolean;
}
