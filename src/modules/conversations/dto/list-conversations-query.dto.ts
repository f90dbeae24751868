import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDateString, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { PageQueryDto } from 'src/common/pagination';
import { NotLessThan } from 'src/common/validation/range-validators';
import { toQueryBoolean, toStatusList } from 'src/common/validation/transforms';
import { ConversationOwner, ConversationStatus } from '../conversation.entity';

const STATUSES = Object.values(ConversationStatus);
export const CONVERSATION_SORTS = ['last_message_at', 'created_at', 'urgency'] as const;
export type ConversationSort = (typeof CONVERSATION_SORTS)[number];
/** `assigned_to=none`: the unassigned queue; `assigned_to=me`: the caller's own. */
export const ASSIGNED_TO_NOBODY = 'none';
export const ASSIGNED_TO_ME = 'me';
const MAX_TAG_FILTER = 20;

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

  @ApiPropertyOptional({ enum: ConversationOwner, example: ConversationOwner.Human, description: 'Who answers: the bot, a human, or nobody' })
  @IsOptional()
  @IsIn(Object.values(ConversationOwner))
  owner?: ConversationOwner;

  @ApiPropertyOptional({
    example: ASSIGNED_TO_ME,
    description: `A user id, \`${ASSIGNED_TO_ME}\` (the caller) or \`${ASSIGNED_TO_NOBODY}\` (the unassigned queue). Secretaries still see only theirs and the queue.`,
  })
  @ValidateIf((query: ListConversationsQueryDto) => query.assigned_to !== ASSIGNED_TO_ME && query.assigned_to !== ASSIGNED_TO_NOBODY)
  @IsOptional()
  @IsUUID(undefined, { message: `assigned_to must be a UUID, "${ASSIGNED_TO_ME}" or "${ASSIGNED_TO_NOBODY}"` })
  assigned_to?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['4f2a6c8e-0b1d-4e3f-9a5b-7c9d1e3f5a7b'],
    description: `Conversations with any of these tags (comma-separated or repeated, up to ${MAX_TAG_FILTER})`,
  })
  @IsOptional()
  @Transform(toStatusList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TAG_FILTER)
  @IsUUID(undefined, { each: true, message: 'each tag_id must be a UUID' })
  tag_id?: string[];

  @ApiPropertyOptional({ example: true, description: 'Only urgent (true) or only non-urgent (false) conversations' })
  @IsOptional()
  @Transform(toQueryBoolean)
  @IsBoolean()
  urgent?: boolean;

  @ApiPropertyOptional({ example: true, description: 'Only conversations with (true) or without (false) patient messages the caller has not read' })
  @IsOptional()
  @Transform(toQueryBoolean)
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'created_at at or after (ISO 8601)' })
  @IsOptional()
  @IsDateString({ strict: true })
  created_from?: string;

  @ApiPropertyOptional({ example: '2026-11-30T23:59:59Z', description: 'created_at at or before (ISO 8601); not before `created_from`' })
  @IsOptional()
  @IsDateString({ strict: true })
  @NotLessThan('created_from', 'date')
  created_to?: string;

  @ApiPropertyOptional({
    enum: CONVERSATION_SORTS,
    default: 'last_message_at',
    example: 'urgency',
    description: 'Newest activity first (never-active last), newest created first, or urgent first then newest activity',
  })
  @IsOptional()
  @IsIn(CONVERSATION_SORTS)
  sort: ConversationSort = 'last_message_at';
}
