import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { TagResponseDto } from 'src/modules/tags/dto/tag.dto';
import { AddConversationTagDto } from './conversation-tags.dto';
import { ConversationTagsService } from './conversation-tags.service';

const NOT_FOUND = {
  description: 'CONVERSATION_NOT_FOUND (missing, another clinic’s, or a secretary’s who is not the caller), or TAG_NOT_FOUND (missing or another clinic’s)',
  type: ErrorResponseDto,
};

@ApiTags('conversations')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorResponseDto })
@Controller('conversations')
export class ConversationTagsController {
  constructor(private readonly conversationTags: ConversationTagsService) {}

  @Get(':id/tags')
  @RequirePermission(Permission.ConversationsRead)
  @ApiOperation({ summary: 'The conversation’s tags, alphabetical' })
  @ApiOkResponse({ type: TagResponseDto, isArray: true })
  @ApiNotFoundResponse(NOT_FOUND)
  list(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string): Promise<TagResponseDto[]> {
    return this.conversationTags.list(actor, id);
  }

  @Post(':id/tags')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.ConversationTagsWrite)
  @ApiOperation({
    summary: 'Tag the conversation (idempotent)',
    description: 'Answers the conversation’s tags. Tagging again changes nothing; a new tag is recorded in the conversation history.',
  })
  @ApiOkResponse({ type: TagResponseDto, isArray: true })
  @ApiNotFoundResponse(NOT_FOUND)
  add(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: AddConversationTagDto): Promise<TagResponseDto[]> {
    return this.conversationTags.add(actor, id, dto.tag_id);
  }

  @Delete(':id/tags/:tagId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission(Permission.ConversationTagsWrite)
  @ApiOperation({ summary: 'Remove a tag from the conversation (idempotent: 204 when it did not carry it)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse(NOT_FOUND)
  remove(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Param('tagId', UuidPipe) tagId: string): Promise<void> {
    return this.conversationTags.remove(actor, id, tagId);
  }
}
