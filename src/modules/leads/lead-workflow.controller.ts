import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { CreateLeadInteractionDto } from './dto/create-lead-interaction.dto';
import { LeadInteractionDto } from './dto/lead-activity-response.dto';
import { LeadDetailDto } from './dto/lead-response.dto';
import { MergeLeadsDto } from './dto/merge-leads.dto';
import { UpdateLeadDto } from './dto/update-lead.dto';
import { LeadMergeService } from './lead-merge.service';
import { LeadWorkflowService } from './lead-workflow.service';
import { NOT_FOUND } from './leads.controller';

const OPEN_LEAD_CONFLICT = 'LEAD_CONVERSATION_HAS_OPEN_LEAD: the conversation opened another lead meanwhile';

@ApiTags('leads')
@ApiBadRequestResponse({ description: 'Invalid input (VALIDATION_FAILED)', type: ErrorResponseDto })
@Controller('leads')
export class LeadWorkflowController {
  constructor(
    private readonly workflow: LeadWorkflowService,
    private readonly merges: LeadMergeService,
  ) {}

  @Post('merge')
  @HttpCode(200)
  @RequirePermission(Permission.LeadsWrite)
  @ApiOperation({
    summary: 'Fold a duplicate lead into another',
    description:
      'In one transaction: the source’s interactions, edit history, score history and conversations move to the target; facts the target lacks are ' +
      'taken from the source; the source is deleted (and cannot be restored). Both leads must be visible to the caller.',
  })
  @ApiOkResponse({ type: LeadDetailDto, description: 'The target after the merge' })
  @ApiNotFoundResponse(NOT_FOUND)
  merge(@CurrentUser() actor: AuthUser, @Body() dto: MergeLeadsDto): Promise<LeadDetailDto> {
    return this.merges.merge(actor, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.LeadsWrite)
  @ApiOperation({
    summary: 'Change status, notes, assignee or appointment time',
    description: 'Each change is recorded in the edit history (GET /leads/{id}/history) and as a SYSTEM interaction. Moving to LOST requires lost_reason.',
  })
  @ApiOkResponse({ type: LeadDetailDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: `INVALID_TRANSITION: the status table refuses the move; ${OPEN_LEAD_CONFLICT}`, type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'LEAD_INVALID_ASSIGNEE: not an active admin or secretary of the organization', type: ErrorResponseDto })
  update(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: UpdateLeadDto): Promise<LeadDetailDto> {
    return this.workflow.update(actor, id, dto);
  }

  @Post(':id/interactions')
  @RequirePermission(Permission.LeadsWrite)
  @ApiOperation({ summary: 'Log a note, call, email or WhatsApp contact with the patient' })
  @ApiCreatedResponse({ type: LeadInteractionDto })
  @ApiNotFoundResponse(NOT_FOUND)
  addInteraction(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: CreateLeadInteractionDto): Promise<LeadInteractionDto> {
    return this.workflow.addInteraction(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.LeadsDelete)
  @ApiOperation({ summary: 'Delete a lead (soft delete: gone from lists, detail and figures until restored)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse(NOT_FOUND)
  remove(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.workflow.remove(actor, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission(Permission.LeadsRestore)
  @ApiOperation({ summary: 'Bring back a deleted lead' })
  @ApiOkResponse({ type: LeadDetailDto })
  @ApiNotFoundResponse({ description: 'LEAD_NOT_FOUND: no such lead in the organization', type: ErrorResponseDto })
  @ApiConflictResponse({ description: `LEAD_NOT_DELETED; LEAD_MERGED: merged leads live on in their target; ${OPEN_LEAD_CONFLICT}`, type: ErrorResponseDto })
  restore(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<LeadDetailDto> {
    return this.workflow.restore(actor, id);
  }
}
