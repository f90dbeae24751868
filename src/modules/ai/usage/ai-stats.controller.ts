import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from 'src/common/auth/auth-user';
import { CurrentUser, RequirePermission } from 'src/common/auth/auth.decorators';
import { Permission } from 'src/common/auth/permissions';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { AiStatsService } from './ai-stats.service';
import { AiStatsQueryDto } from './dto/ai-stats-query.dto';
import { AiStatsResponseDto } from './dto/ai-stats-response.dto';

@ApiTags('ai')
@Controller('ai/stats')
export class AiStatsController {
  constructor(private readonly stats: AiStatsService) {}

  @Get()
  @RequirePermission(Permission.AiRead)
  @ApiOperation({
    summary: 'AI usage of the organization over a window: calls, tokens, estimated cost, latency, cache hit and error rates',
    description: 'Default window: the last 30 days. At most 366 days. Latency and error rate count only calls that reached a model.',
  })
  @ApiOkResponse({ type: AiStatsResponseDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: malformed date, start not before end, or a window over 366 days', type: ErrorResponseDto })
  get(@CurrentUser() actor: AuthUser, @Query() query: AiStatsQueryDto): Promise<AiStatsResponseDto> {
    return this.stats.stats(actor, query);
  }
}
