import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ApiPageResponse, Page, PageQueryDto } from 'src/common/pagination';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { ConversationNoteResponseDto, WriteConversationNoteDto } from './conversation-notes.dto';
import { ConversationNotesService } from './conversation-notes.service';

const NOT_FOUND = { description: 'CONVERSATION_NOT_FOUND: missing, another clinic’s, or (secretaries) assigned to someone else', type: ErrorResponseDto };
const NOTE_NOT_FOUND = { description: 'CONVERSATION_NOT_FOUND, or CONVERSATION_NOTE_NOT_FOUND (missing, deleted, or on another conversation)', type: ErrorResponseDto };
const NOT_AUTHOR = { description: 'FORBIDDEN (no notes:write), or CONVERSATION_NOTE_NOT_AUTHOR: only the author or an admin may change or delete a note', type: ErrorResponseDto };

@ApiTags('conversations')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorResponseDto })
@Controller('conversations')
export class ConversationNotesController {
  constructor(private readonly notes: ConversationNotesService) {}

  @Get(':id/notes')
  @RequirePermission(Permission.ConversationsRead)
  @ApiOperation({ summary: 'Internal notes on the conversation, newest first (never sent to the patient)' })
  @ApiPageResponse(ConversationNoteResponseDto)
  @ApiNotFoundResponse(NOT_FOUND)
  list(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Query() query: PageQueryDto): Promise<Page<ConversationNoteResponseDto>> {
    return this.notes.list(actor, id, query);
  }

  @Post(':id/notes')
  @RequirePermission(Permission.NotesWrite)
  @ApiOperation({ summary: 'Leave an internal note; staff only, the patient never sees it' })
  @ApiCreatedResponse({ type: ConversationNoteResponseDto })
  @ApiNotFoundResponse(NOT_FOUND)
  create(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: WriteConversationNoteDto): Promise<ConversationNoteResponseDto> {
    return this.notes.create(actor, id, dto);
  }

  @Patch(':id/notes/:noteId')
  @RequirePermission(Permission.NotesWrite)
  @ApiOperation({ summary: 'Edit a note (its author or an admin)' })
  @ApiOkResponse({ type: ConversationNoteResponseDto })
  @ApiNotFoundResponse(NOTE_NOT_FOUND)
  @ApiForbiddenResponse(NOT_AUTHOR)
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Param('noteId', UuidPipe) noteId: string,
    @Body() dto: WriteConversationNoteDto,
  ): Promise<ConversationNoteResponseDto> {
    return this.notes.update(actor, id, noteId, dto);
  }

  @Delete(':id/notes/:noteId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission(Permission.NotesWrite)
  @ApiOperation({ summary: 'Delete a note (its author or an admin)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse(NOTE_NOT_FOUND)
  @ApiForbiddenResponse(NOT_AUTHOR)
  remove(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Param('noteId', UuidPipe) noteId: string): Promise<void> {
    return this.notes.remove(actor, id, noteId);
  }
}
