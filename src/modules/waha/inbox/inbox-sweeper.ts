import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { queueConfig } from 'src/config/queue.config';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { InboxEnqueuer } from './inbox-enqueuer';
import { WahaInboxService } from './waha-inbox.service';

/** Re-enqueues inbox rows left pending, so a job lost with Redis costs latency and never a message. */
@Injectable()
export class InboxSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger(InboxSweeper.name);

  constructor(
    private readonly inbox: WahaInboxService,
    private readonly enqueuer: InboxEnqueuer,
    private readonly queues: QueueService,
    @Inject(queueConfig.KEY) private readonly config: ConfigType<typeof queueConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.schedule(JobName.SweepInbox, {}, Math.max(1_000, Math.floor(this.config.inboxSweepAfterMs / 2)));
  }

  async sweep(): Promise<number> {
    const ids = await this.inbox.findStalePending();
    if (ids.length === 0) return 0;
    await this.enqueuer.enqueueNow(ids, `sweep${Date.now()}`);
    this.logger.log({ events: ids.length }, 'stale inbox events re-enqueued');
    return ids.length;
  }
}
