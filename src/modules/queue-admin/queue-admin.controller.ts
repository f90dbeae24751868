import { Body, Controller, Delete, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { BoardAccessService } from './board/board-access.service';
import { BoardSessionResponseDto } from './dto/board-session-response.dto';
import { FailedJobsQueryDto, RemoveFailedJobsResponseDto, RetryFailedJobsDto, RetryFailedJobsResponseDto } from './dto/failed-jobs.dto';
import { QueueStatsResponseDto } from './dto/queue-stats-response.dto';
import { QueueAdminService } from './queue-admin.service';

@ApiTags('queue')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@Controller('queue')
export class QueueAdminController {
  constructor(
    private readonly queueAdmin: QueueAdminService,
    private readonly board: BoardAccessService,
  ) {}

  @Get('stats')
  @RequirePermission(Permission.QueueManage)
  @ApiOperation({ summary: 'Super admin: job counts per state for every queue, and their totals' })
  @ApiOkResponse({ type: QueueStatsResponseDto })
  stats(): Promise<QueueStatsResponseDto> {
    return this.queueAdmin.stats();
  }

  @Post('retry-failed')
  @HttpCode(200)
  @RequirePermission(Permission.QueueManage)
  @ApiOperation({
    summary: 'Super admin: move failed jobs back to waiting',
    description: 'With `job_ids`, each id is looked up in `queue` (or every queue); without, every failed job is retried.',
  })
  @ApiOkResponse({ type: RetryFailedJobsResponseDto })
  retryFailed(@CurrentUser() actor: AuthUser, @Body() dto: RetryFailedJobsDto): Promise<RetryFailedJobsResponseDto> {
    return this.queueAdmin.retryFailed(actor, dto);
  }

  @Delete('failed')
  @RequirePermission(Permission.QueueManage)
  @ApiOperation({ summary: 'Super admin: delete failed jobs of `queue` (or of every queue)' })
  @ApiOkResponse({ type: RemoveFailedJobsResponseDto })
  removeFailed(@CurrentUser() actor: AuthUser, @Query() query: FailedJobsQueryDto): Promise<RemoveFailedJobsResponseDto> {
    return this.queueAdmin.removeFailed(actor, query.queue);
  }

  @Post('board-session')
  @HttpCode(200)
  @RequirePermission(Permission.QueueManage)
  @ApiOperation({
    summary: 'Super admin: open Bull Board in the browser',
    description:
      'Sets the HttpOnly cookie `robbot_board_token` (Path=/admin/queues, SameSite=Strict) holding this access token, ' +
      'so a browser can navigate to /admin/queues; it expires with the token. Logging out revokes it like the token.',
  })
  @ApiOkResponse({ type: BoardSessionResponseDto, headers: { 'Set-Cookie': { description: 'robbot_board_token=…', schema: { type: 'string' } } } })
  openBoardSession(
    @CurrentUser() actor: AuthUser,
    @Headers('authorization') authorization: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): BoardSessionResponseDto {
    const session = this.board.openSession(actor, authorization);
    void reply.header('set-cookie', session.cookie);
    return session.body;
  }
}
