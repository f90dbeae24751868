import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis, { RedisOptions } from 'ioredis';
import { redisConfig } from 'src/config/redis.config';

/**
 * The one place Redis connections are made: BullMQ, the throttler store and caches all come through here,
 * so they share host, credentials and the key prefix that keeps parallel deployments and test runs apart.
 */
@Injectable()
export class RedisConnectionFactory implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnectionFactory.name);
  private readonly connections = new Set<Redis>();

  constructor(@Inject(redisConfig.KEY) private readonly config: ConfigType<typeof redisConfig>) {}

  get keyPrefix(): string {
    return this.config.keyPrefix;
  }

  /** A namespaced key: `<prefix>:<part>:<part>…`. */
  key(...parts: Array<string | number>): string {
    return [this.config.keyPrefix, ...parts].join(':');
  }

  create(connectionName: string, overrides: RedisOptions = {}): Redis {
    const connection = new Redis({
      host: this.config.host,
      port: this.config.port,
      password: this.config.password,
      db: this.config.db,
      connectionName: `robbot-${connectionName}`,
      lazyConnect: false,
      enableOfflineQueue: true,
      // Requests fail after a few reconnect attempts instead of queueing forever while Redis is down.
      maxRetriesPerRequest: 3,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      ...overrides,
    });
    connection.on('error', (error: Error) => this.logger.warn({ connection: connectionName, err: error.message }, 'redis error'));
    this.connections.add(connection);
    return connection;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [...this.connections].map(async (connection) => {
        try {
          await connection.quit();
        } catch {
          connection.disconnect();
        }
      }),
    );
    this.connections.clear();
  }
}
