import { BullRegistrar, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ConfigType } from '@nestjs/config';
import { appConfig } from 'src/config/app.config';
import { QueueService } from './queue.service';

/**
 * Starts the queue workers once every module is ready, and only where APP_ROLE allows (all, worker):
 * an `api` process only produces jobs.
 */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerRunner.name);

  constructor(
    private readonly registrar: BullRegistrar,
    private readonly discovery: DiscoveryService,
    private readonly queues: QueueService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  get consumesQueues(): boolean {
    return this.app.role === 'all' || this.app.role === 'worker';
  }

  onApplicationBootstrap(): void {
    if (!this.consumesQueues) {
      this.logger.log({ role: this.app.role }, 'queue workers disabled for this role');
      return;
    }
    this.registrar.register();
    this.logger.log({ role: this.app.role }, 'queue workers started');
  }

  /** Lets running jobs finish and stops taking new ones, then closes the producers. */
  async stop(): Promise<void> {
    const workers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .flatMap((host) => {
        try {
          return [host.worker];
        } catch {
          return []; // never registered (api role)
        }
      });
    await Promise.all(workers.map((worker) => worker.close()));
    await this.queues.closeAll();
  }
}
