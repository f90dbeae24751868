import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsOptional } from 'class-validator';
import { NotLessThan } from 'src/common/validation/range-validators';
import { toStatusList } from 'src/common/validation/transforms';
import { ConversationStatus } from 'src/modules/conversations/conversation.entity';

export const EXPORT_FORMATS = ['csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const STATUSES = Object.values(ConversationStatus);

export class ExportConversationsQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv', example: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat = 'csv';

  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'Conversations created at or after (ISO 8601: a date, taken as 00:00 in the clinic’s time zone, or a date-time with offset)',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  start_date?: string;

  @ApiPropertyOptional({
    example: '2026-11-30',
    description: 'Conversations created at or before (ISO 8601); a bare date includes that whole day in the clinic’s time zone. Not before `start_date`.',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @NotLessThan('start_date', 'date')
  end_date?: string;

  @ApiPropertyOptional({
    enum: ConversationStatus,
    isArray: true,
    example: [ConversationStatus.Closed],
    description: 'One or more statuses, comma-separated (`status=ACTIVE,CLOSED`) or repeated',
  })
  @IsOptional()
  @Transform(toStatusList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(STATUSES.length)
  @IsIn(STATUSES, { each: true })
  status?: ConversationStatus[];
}
