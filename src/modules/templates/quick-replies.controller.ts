import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
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
import { ApiPageResponse, Page } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { CreateQuickReplyDto, ListQuickRepliesQueryDto, QuickReplyResponseDto, UpdateQuickReplyDto } from './dto/quick-reply.dto';
import { QuickRepliesService } from './quick-replies.service';

const NOT_FOUND = { description: 'QUICK_REPLY_NOT_FOUND: missing or another clinic’s', type: ErrorResponseDto };
const TRIGGER_TAKEN = { description: 'QUICK_REPLY_TRIGGER_TAKEN: another quick reply of the organization has this trigger, ignoring case', type: ErrorResponseDto };

@ApiTags('quick-replies')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorResponseDto })
@Controller('quick-replies')
export class QuickRepliesController {
  constructor(private readonly replies: QuickRepliesService) {}

  @Get()
  @RequirePermission(Permission.QuickRepliesRead)
  @ApiOperation({
    summary: 'Quick replies; with `context` and/or `q`, the suggestions for the conversation at hand, best first',
    description:
      'Without `context` or `q`: every reply, alphabetical by trigger (`score` null). With them, accents, case and punctuation are ignored and ' +
      'each reply scores: 100 when `context` is one of its contexts; 50 when its trigger appears in the context or `q`; 20 per keyword that appears ' +
      'there; 5 per shared word of 3+ letters. Replies scoring 0 are left out; ties are alphabetical by trigger.',
  })
  @ApiPageResponse(QuickReplyResponseDto)
  list(@CurrentUser() actor: AuthUser, @Query() query: ListQuickRepliesQueryDto): Promise<Page<QuickReplyResponseDto>> {
    return this.replies.list(actor, query);
  }

  @Post()
  @RequirePermission(Permission.QuickRepliesManage)
  @ApiOperation({ summary: 'Create a quick reply' })
  @ApiCreatedResponse({ type: QuickReplyResponseDto })
  @ApiConflictResponse(TRIGGER_TAKEN)
  @ApiUnprocessableEntityResponse({ description: 'QUICK_REPLY_LIMIT_REACHED: at most 500 per organization', type: ErrorResponseDto })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateQuickReplyDto): Promise<QuickReplyResponseDto> {
    return this.replies.create(actor, dto);
  }

  @Get(':id')
  @RequirePermission(Permission.QuickRepliesRead)
  @ApiOperation({ summary: 'One quick reply' })
  @ApiOkResponse({ type: QuickReplyResponseDto })
  @ApiNotFoundResponse(NOT_FOUND)
  findOne(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<QuickReplyResponseDto> {
    return this.replies.findOne(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.QuickRepliesManage)
  @ApiOperation({ summary: 'Change a quick reply' })
  @ApiOkResponse({ type: QuickReplyResponseDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(TRIGGER_TAKEN)
  update(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: UpdateQuickReplyDto): Promise<QuickReplyResponseDto> {
    return this.replies.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission(Permission.QuickRepliesManage)
  @ApiOperation({ summary: 'Delete a quick reply' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse(NOT_FOUND)
  remove(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.replies.remove(actor, id);
  }
}
