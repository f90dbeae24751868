import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { RequestContextStore } from 'src/common/request-context/request-context.store';
import { JobName, JobPayloads, QUEUE_OF, QueueName } from './queue.constants';

/** Typed producer: the payload is checked against the job name, and the request id rides along. */
@Injectable()
export class QueueService {
  private readonly logger = new Logger(QueueService.name);
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Maintenance) maintenance: Queue,
    @InjectQueue(QueueName.WahaInbound) wahaInbound: Queue,
    @InjectQueue(QueueName.WhatsappOutbound) whatsappOutbound: Queue,
    @InjectQueue(QueueName.Media) media: Queue,
    @InjectQueue(QueueName.WahaMaintenance) wahaMaintenance: Queue,
    @InjectQueue(QueueName.Monitoring) monitoring: Queue,
    @InjectQueue(QueueName.MessagingMaintenance) messagingMaintenance: Queue,
    @InjectQueue(QueueName.AiTurns) aiTurns: Queue,
    @InjectQueue(QueueName.AiMaintenance) aiMaintenance: Queue,
    @InjectQueue(QueueName.Realtime) realtime: Queue,
    @InjectQueue(QueueName.Assignment) assignment: Queue,
  ) {
    this.queues = {
      [QueueName.Maintenance]: maintenance,
      [QueueName.WahaInbound]: wahaInbound,
      [QueueName.WhatsappOutbound]: whatsappOutbound,
      [QueueName.Media]: media,
      [QueueName.WahaMaintenance]: wahaMaintenance,
      [QueueName.Monitoring]: monitoring,
      [QueueName.MessagingMaintenance]: messagingMaintenance,
      [QueueName.AiTurns]: aiTurns,
      [QueueName.AiMaintenance]: aiMaintenance,
      [QueueName.Realtime]: realtime,
      [QueueName.Assignment]: assignment,
    };
    // Without a listener BullMQ prints every reconnect failure with console.error, outside our JSON logs.
    for (const queue of Object.values(this.queues)) {
      queue.on('error', (error: Error) => this.logger.warn({ queue: queue.name, err: error.message }, 'queue connection error'));
    }
  }

  /** `jobId` must be deterministic for idempotent work, joined with "-" (BullMQ rejects ":"). */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions & { jobId?: string } = {}): Promise<void> {
    const requestId = RequestContextStore.current()?.requestId;
    await this.queues[QUEUE_OF[name]].add(name, { ...payload, requestId }, options);
  }

  /**
   * Repeating work under a stable scheduler id; calling it again just updates the schedule. It never blocks
   * start-up: with Redis down the command waits in the connection and lands once Redis is back.
   */
  async schedule<N extends JobName>(name: N, payload: JobPayloads[N], everyMs: number): Promise<void> {
    this.queues[QUEUE_OF[name]]
      .upsertJobScheduler(name, { every: everyMs }, { name, data: payload })
      .catch((error: unknown) => this.logger.warn({ job: name, err: error instanceof Error ? error.message : error }, 'could not schedule job'));
  }

  /** Several jobs of one name in one Redis round trip. */
  async enqueueMany<N extends JobName>(name: N, jobs: { payload: JobPayloads[N]; options?: JobsOptions }[]): Promise<void> {
    if (jobs.length === 0) return;
    const requestId = RequestContextStore.current()?.requestId;
    await this.queues[QUEUE_OF[name]].addBulk(jobs.map(({ payload, options }) => ({ name, data: { ...payload, requestId }, opts: options })));
  }

  /**
   * False while the producers' Redis connection is down. Producers that have a durable fallback (the inbox
   * sweeper) check it instead of letting commands pile up in ioredis' offline queue.
   */
  isConnected(): boolean {
    // Every queue shares the one producer connection given to BullModule (src/queue/queue.module.ts).
    const connection = this.queues[QueueName.WahaInbound].opts.connection as { status?: string } | undefined;
    return connection?.status === 'ready';
  }

  async closeAll(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((queue) => queue.close()));
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }
}
