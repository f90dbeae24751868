import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { SortablePageQueryDto } from 'src/common/pagination';
import { toStatusList } from 'src/common/validation/transforms';
import { LeadSource, LeadStatus, MAX_LEAD_SCORE, MIN_LEAD_SCORE } from '../leads.constants';
import { NotLessThan } from 'src/common/validation/range-validators';

export const LEAD_SORT_FIELDS = ['created_at', 'score'] as const;
/** `assigned_to_id=none`: only leads nobody has taken yet. */
export const UNASSIGNED = 'none';

const STATUSES = Object.values(LeadStatus);
const SOURCES = Object.values(LeadSource);

export class ListLeadsQueryDto extends SortablePageQueryDto(LEAD_SORT_FIELDS, 'created_at') {
  @ApiPropertyOptional({
    enum: LeadStatus,
    isArray: true,
    example: [LeadStatus.Interested, LeadStatus.Ready],
    description: 'One or more statuses, comma-separated (`status=INTERESTED,READY`) or repeated',
  })
  @IsOptional()
  @Transform(toStatusList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(STATUSES.length)
  @IsIn(STATUSES, { each: true })
  status?: LeadStatus[];

  @ApiPropertyOptional({ enum: LeadSource, isArray: true, example: [LeadSource.Whatsapp], description: 'One or more sources, comma-separated or repeated' })
  @IsOptional()
  @Transform(toStatusList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SOURCES.length)
  @IsIn(SOURCES, { each: true })
  source?: LeadSource[];

  @ApiPropertyOptional({
    example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
    description: `Only leads assigned to this user, or \`${UNASSIGNED}\` for unassigned ones. Secretaries still see only theirs and the unassigned.`,
  })
  @ValidateIf((query: ListLeadsQueryDto) => query.assigned_to_id !== undefined && query.assigned_to_id !== UNASSIGNED)
  @IsUUID(undefined, { message: `assigned_to_id must be a UUID or "${UNASSIGNED}"` })
  assigned_to_id?: string;

  @ApiPropertyOptional({ example: 40, minimum: MIN_LEAD_SCORE, maximum: MAX_LEAD_SCORE, description: 'Score at least' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_LEAD_SCORE)
  @Max(MAX_LEAD_SCORE)
  min_score?: number;

  @ApiPropertyOptional({ example: 100, minimum: MIN_LEAD_SCORE, maximum: MAX_LEAD_SCORE, description: 'Score at most; not below `min_score`' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_LEAD_SCORE)
  @Max(MAX_LEAD_SCORE)
  @NotLessThan('min_score', 'number')
  max_score?: number;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'Created at or after (ISO 8601)' })
  @IsOptional()
  @IsDateString({ strict: true })
  created_from?: string;

  @ApiPropertyOptional({ example: '2026-11-30T23:59:59Z', description: 'Created at or before (ISO 8601); not before `created_from`' })
  @IsOptional()
  @IsDateString({ strict: true })
  @NotLessThan('created_from', 'date')
  created_to?: string;
}
