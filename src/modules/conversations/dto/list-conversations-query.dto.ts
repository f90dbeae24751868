import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from 'src/common/pagination';
import { NotLessThan } from 'src/common/validation/range-validators';
import { toStatusList } from 'src/common/validation/transforms';
import { ConversationStatus } from '../conversation.entity';

const STATUSES = Object.values(ConversationStatus);

export class ListConversationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ConversationStatus,
    isArray: true,
    example: [ConversationStatus.Active, ConversationStatus.WaitingSecretary],
    description: 'One or more statuses, comma-separated (`status=ACTIVE,WAITING_SECRETARY`) or repeated',
  })
  @IsOptional()
  @Transform(toStatusList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(STATUSES.length)
  @IsIn(STATUSES, { each: true })
  status?: ConversationStatus[];

  @ApiPropertyOptional({ example: '2c4e6a8b-0d1f-4a3c-9e5b-7d9f1b3d5a70', description: 'Only this WhatsApp number' })
  @IsOptional()
  @IsUUID()
  session_id?: string;

  @ApiPropertyOptional({ example: '5b0c7a2e-1f3d-4c8a-9e6b-2d4f6a8c0e12', description: 'Only this patient' })
  @IsOptional()
  @IsUUID()
  contact_id?: string;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'last_message_at at or after (ISO 8601)' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30T23:59:59Z', description: 'last_message_at at or before (ISO 8601); not before `from`' })
  @IsOptional()
  @IsDateString({ strict: true })
  @NotLessThan('from', 'date')
  to?: string;
}
