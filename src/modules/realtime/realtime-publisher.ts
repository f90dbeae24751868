import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { Namespace, Server } from 'socket.io';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { REALTIME_NAMESPACE } from './realtime.constants';

/**
 * The one way events leave for dashboard sockets, in every process. API processes (APP_ROLE all|api) hand
 * over the gateway's namespace; a worker has no HTTP server, so it builds a Server that never listens and
 * whose broadcasts only travel through the Redis adapter to the API processes holding the sockets.
 */
@Injectable()
export class RealtimePublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RealtimePublisher.name);
  private namespace: Namespace | null = null;
  private detached: Server | null = null;

  constructor(private readonly redis: RedisConnectionFactory) {}

  /** Installs the Redis adapter on the gateway's server, so rooms span every API process. */
  attach(namespace: Namespace): void {
    // Server.adapter() also re-creates the adapter of namespaces that already exist, this one included.
    namespace.server.adapter(this.createAdapter());
    this.namespace = namespace;
  }

  // Gateways are initialised before bootstrap hooks run, so a missing namespace here means no gateway (worker).
  onApplicationBootstrap(): void {
    if (this.namespace) return;
    this.detached = new Server({ serveClient: false });
    this.detached.adapter(this.createAdapter());
    this.namespace = this.detached.of(REALTIME_NAMESPACE);
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.detached) return;
    // Server.close() assumes an attached engine; a detached server only has its adapters' Redis subscriptions to end.
    await Promise.all([this.detached.of('/'), this.detached.of(REALTIME_NAMESPACE)].map((namespace) => namespace.adapter.close()));
    this.detached = null;
  }

  emit(roomNames: string[], event: string, payload: unknown): void {
    if (!this.namespace || roomNames.length === 0) return;
    try {
      this.namespace.to(roomNames).emit(event, payload);
    } catch (error) {
      this.logger.warn({ event, err: error instanceof Error ? error.message : error }, 'realtime emit failed');
    }
  }

  /** Sockets of a room across every API process (the adapter asks the others through Redis). */
  async socketsIn(room: string): Promise<{ data: unknown }[]> {
    if (!this.namespace) return [];
    return this.namespace.in(room).fetchSockets();
  }

  private createAdapter(): ReturnType<typeof createAdapter> {
    // Channels are not covered by ioredis' keyPrefix: the prefix goes into the adapter's key instead, so
    // parallel deployments and test runs on one Redis never exchange events.
    const key = this.redis.key('socket.io');
    return createAdapter(this.publisherClient(), this.subscriberClient(), { key, requestsTimeout: 2_000 });
  }

  /**
   * The adapter fires `publish`, `subscribe` and their kin without handling their promises; while Redis is down
   * (or when the app closes during an outage) each would reject unhandled. A live event lost then is acceptable
   * (dashboards refetch on reconnect); a crash is not. The subscriber also waits for Redis rather than failing.
   */
  private publisherClient(): Redis {
    // An inbound batch announces dozens of messages in one tick: auto-pipelining sends their PUBLISHes in one write.
    return this.tolerant(this.redis.create('realtime-pub', { enableAutoPipelining: true }), ['publish']);
  }

  private subscriberClient(): Redis {
    return this.tolerant(this.redis.create('realtime-sub', { maxRetriesPerRequest: null }), ['subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe']);
  }

  private tolerant(client: Redis, commands: ('publish' | 'subscribe' | 'psubscribe' | 'unsubscribe' | 'punsubscribe')[]): Redis {
    for (const command of commands) {
      const original = (client[command] as (...args: unknown[]) => Promise<unknown>).bind(client);
      Object.assign(client, {
        [command]: (...args: unknown[]) =>
          original(...args).catch((error: unknown) => {
            this.logger.warn({ command, err: error instanceof Error ? error.message : error }, 'realtime Redis command failed (Redis unavailable)');
            return 0;
          }),
      });
    }
    return client;
  }
}
