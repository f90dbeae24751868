import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page, PageQueryDto } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { LeadDetailDto, LeadSummaryDto } from './dto/lead-response.dto';
import { LeadScoreHistoryItemDto } from './dto/lead-score-history-response.dto';
import { ListLeadsQueryDto } from './dto/list-leads-query.dto';
import { LeadsService } from './leads.service';

const NOT_FOUND = { description: 'LEAD_NOT_FOUND: missing, another clinic’s, or (for a secretary) another secretary’s lead', type: ErrorResponseDto };

@ApiTags('leads')
@ApiBadRequestResponse({ description: 'Invalid input (VALIDATION_FAILED)', type: ErrorResponseDto })
@Controller('leads')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

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

  @Get(':id')
  @RequirePermission(Permission.LeadsRead)
  @ApiOperation({ summary: 'One lead: its current score with the reasons, the patient and the conversation' })
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
}
