import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { SortablePageQueryDto } from 'src/common/pagination';
import { toLowerTrimmed, trimString } from 'src/common/validation/transforms';
import { DEFAULT_SESSION_LABEL, SESSION_LABEL_PATTERN } from '../whatsapp-session.rules';

export class CreateWhatsappSessionDto {
  @ApiPropertyOptional({
    example: 'recepcao',
    default: DEFAULT_SESSION_LABEL,
    pattern: SESSION_LABEL_PATTERN.source,
    description: 'Short name of the number inside the clinic; the WAHA session name is derived from it',
  })
  @IsOptional()
  @Transform(toLowerTrimmed)
  @IsString()
  @Matches(SESSION_LABEL_PATTERN, { message: 'label must be 1–30 characters of a-z, 0-9 and -' })
  label?: string;

  @ApiPropertyOptional({ example: 'Recepção', maxLength: 80 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 80)
  display_name?: string;
}

// A clinic has a handful of numbers: the (organization_id, created_at) index serves the only sort.
export const WHATSAPP_SESSION_SORT_FIELDS = ['created_at'] as const;

export class ListWhatsappSessionsQueryDto extends SortablePageQueryDto(WHATSAPP_SESSION_SORT_FIELDS, 'created_at') {}

export const QR_FORMATS = ['image', 'raw'] as const;
export type QrFormat = (typeof QR_FORMATS)[number];

export class QrQueryDto {
  @ApiPropertyOptional({ enum: QR_FORMATS, default: 'image', example: 'image', description: '`image`: PNG bytes; `raw`: the string to render' })
  @IsOptional()
  @IsIn(QR_FORMATS)
  format: QrFormat = 'image';
}
