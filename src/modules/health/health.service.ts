import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { wahaConfig } from 'src/config/waha.config';
import { REDIS_CLIENT } from 'src/common/redis/redis.module';
import { timedCheck } from './timed-check';

export interface HealthReport {
  healthy: boolean;
  body: HealthCheckResult;
}

@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(wahaConfig.KEY) private readonly waha: ConfigType<typeof wahaConfig>,
  ) {}

  /** Database and Redis decide the status; WAHA is reported but never fails it (the dashboard works without it). */
  async check(): Promise<HealthReport> {
    const [core, waha] = await Promise.all([this.checkCore(), this.checkWaha()]);
    return { healthy: core.status === 'ok', body: { ...core, details: { ...core.details, ...waha } } };
  }

  private async checkCore(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => timedCheck(this.indicators, 'database', () => this.dataSource.query('SELECT 1')),
        () => timedCheck(this.indicators, 'redis', () => this.redis.ping()),
      ]);
    } catch (error) {
      const response = (error as { getResponse?: () => unknown }).getResponse?.();
      if (response && typeof response === 'object' && 'status' in response) return response as HealthCheckResult;
      throw error;
    }
  }

  private checkWaha() {
    return timedCheck(this.indicators, 'waha', async () => {
      const response = await fetch(`${this.waha.baseUrl}/ping`, { signal: AbortSignal.timeout(2_000) });
      if (!response.ok) throw new Error(`WAHA answered ${response.status}`);
    });
  }
}
