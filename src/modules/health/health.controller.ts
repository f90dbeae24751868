import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult } from '@nestjs/terminus';
import { FastifyReply } from 'fastify';
import { Public } from 'src/common/auth/auth.decorators';
import { HealthService } from './health.service';

const HEALTH_EXAMPLE = {
  status: 'ok',
  info: { database: { status: 'up', latency_ms: 0.8 }, redis: { status: 'up', latency_ms: 0.3 } },
  error: {},
  details: {
    database: { status: 'up', latency_ms: 0.8 },
    redis: { status: 'up', latency_ms: 0.3 },
    waha: { status: 'down', latency_ms: 1.2, message: 'fetch failed' },
  },
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  // Public: load balancers and probes carry no token; the answer reveals only up/down and latency.
  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: database and Redis; WAHA reported without failing the check' })
  @ApiOkResponse({ description: 'Database and Redis are up', schema: { example: HEALTH_EXAMPLE } })
  @ApiServiceUnavailableResponse({ description: 'Database or Redis is down', schema: { example: { ...HEALTH_EXAMPLE, status: 'error' } } })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    const report = await this.health.check();
    if (!report.healthy) void reply.status(503);
    return report.body;
  }
}
