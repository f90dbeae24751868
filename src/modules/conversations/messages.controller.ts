import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { UuidPipe } from 'src/common/validation/validation';
import { ConversationsService } from './conversations.service';

const FILE_TYPES = ['image/*', 'audio/*', 'video/*', 'application/pdf'];

@ApiTags('conversations')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED (malformed id)', type: ErrorResponseDto })
@Controller('messages')
export class MessagesController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get(':id/media')
  @RequirePermission(Permission.ConversationsRead)
  @ApiOperation({ summary: 'Download a message’s file (image, audio, video, document)' })
  @ApiOkResponse({
    description: 'The file, with its Content-Type, Content-Length and an inline Content-Disposition',
    content: Object.fromEntries(FILE_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  })
  @ApiNotFoundResponse({
    description: 'MESSAGE_NOT_FOUND (missing or its conversation is not visible), or MEDIA_NOT_AVAILABLE (no file, or not stored yet)',
    type: ErrorResponseDto,
  })
  async media(@CurrentUser() actor: AuthUser, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const file = await this.conversations.openMedia(actor, id);
    // Set only on success: a 404 must not be cached while the file is still being downloaded.
    void reply.header('Cache-Control', 'private, max-age=300').header('X-Content-Type-Options', 'nosniff');
    return file;
  }
}
