import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page, PageQueryDto } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { LeadHistoryItemDto, LeadInteractionDto } from './dto/lead-activity-response.dto';
import { LeadJourneyDto } from './dto/lead-journey-response.dto';
import { LeadDetailDto, LeadDuplicateGroupDto, LeadSummaryDto } from './dto/lead-response.dto';
import { LeadScoreHistoryItemDto } from './dto/lead-score-history-response.dto';
import { ListLeadsQueryDto } from './dto/list-leads-query.dto';
import { LeadMergeService } from './lead-merge.service';
import { LeadTimelineService } from './lead-timeline.service';
import { LeadsService } from './leads.service';

export const NOT_FOUND = { description: 'LEAD_NOT_FOUND: missing, another clinic’s, or (for a secretary) another secretary’s lead', type: ErrorResponseDto };

@ApiTags('leads')
@ApiBadRequestResponse({ description: 'Invalid input (VALIDATION_FAILED)', type: ErrorResponseDto })
@Controller('leads')
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly timeline: LeadTimelineService,
    private readonly merges: LeadMergeService,
  ) {}

  @Get()
  @RequirePermission(Permission.LeadsRead)
  @ApiOperation({
    summary: 'List leads with their maturity score',
    description: 'Secretaries see the leads assigned to them and the unassigned ones; admins and viewers see all of the organization’s.',
  })
  @ApiPageResponse(LeadSummaryDto)
  list(@CurrentUser() actor: AuthUser, @Query() query: ListLeadsQueryDto): Promise<Page<LeadSummaryDto>> {
    return this.leads.list(actor, query);
  }

  @Get('duplicates')
  @RequirePermission(Permission.LeadsRead)
  @ApiOperation({
    summary: 'Open leads of the same patient, grouped by normalised phone',
    description: 'Only groups of two or more leads the caller can see; merge them with POST /leads/merge.',
  })
  @ApiPageResponse(LeadDuplicateGroupDto)
  duplicates(@CurrentUser() actor: AuthUser, @Query() query: PageQueryDto): Promise<Page<LeadDuplicateGroupDto>> {
    return this.merges.duplicates(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.LeadsRead)
  @ApiOperation({ summary: 'One lead: its score with the reasons, the patient, its conversation’s summary and context, and its latest interactions' })
  @ApiOkResponse({ type: LeadDetailDto })
  @ApiNotFoundResponse(NOT_FOUND)
  findOne(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<LeadDetailDto> {
    return this.leads.findOne(actor, id);
  }

  @Get(':id/score-history')
  @RequirePermission(Permission.LeadsRead)
  @ApiOperation({ summary: 'Every score the lead was given, newest first' })
  @ApiPageResponse(LeadScoreHistoryItemDto)
  @ApiNotFoundResponse(NOT_FOUND)
  scoreHistory(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Query() query: PageQueryDto): Promise<Page<LeadScoreHistoryItemDto>> {
    return this.leads.scoreHistory(actor, id, query);
  }

  @Get(':id/history')
  @RequirePermission(Permission.LeadsRead)
  @ApiOperation({ summary: 'Every edit of the lead (field, old, new, who, when), newest first' })
  @ApiPageResponse(LeadHistoryItemDto)
  @ApiNotFoundResponse(NOT_FOUND)
  history(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Query() query: PageQueryDto): Promise<Page<LeadHistoryItemDto>> {
    return this.timeline.history(actor, id, query);
  }

  @Get(':id/interactions')
  @RequirePermission(Permission.LeadsRead)
  @ApiOperation({ summary: 'The lead’s interactions (staff’s and SYSTEM records of changes), newest first' })
  @ApiPageResponse(LeadInteractionDto)
  @ApiNotFoundResponse(NOT_FOUND)
  interactions(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Query() query: PageQueryDto): Promise<Page<LeadInteractionDto>> {
    return this.timeline.interactions(actor, id, query);
  }

  @Get(':id/journey')
  @RequirePermission(Permission.LeadsRead)
  @ApiOperation({
    summary: 'The lead’s timeline, oldest first, with the time since the previous step',
    description: 'First message of each of its conversations, lead created, each status change, assignments, interactions and the appointment.',
  })
  @ApiOkResponse({ type: LeadJourneyDto })
  @ApiNotFoundResponse(NOT_FOUND)
  journey(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<LeadJourneyDto> {
    return this.timeline.journey(actor, id);
  }
}
