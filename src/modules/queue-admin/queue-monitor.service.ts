import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { queueConfig } from 'src/config/queue.config';
import { AlertSeverity, AlertType } from 'src/modules/alerts/alert.entity';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { CRITICAL_BACKLOG_FACTOR } from './queue-admin.constants';

export interface QueueBacklog {
  queue: QueueName;
  /** Jobs not yet started: waiting (also in a paused queue), prioritized and delayed. */
  backlog: number;
  /** What the monitor did about it. */
  alert: 'raised' | 'resolved' | 'none';
}

export function backlogDedupeKey(queue: QueueName): string {
  return `queue-backlog:${queue}`;
}

/**
 * Raises a platform alert while a queue's backlog is above QUEUE_BACKLOG_ALERT_THRESHOLD and resolves it once
 * the backlog is back at or under it. Runs every minute (monitor-queues); the alert's dedupe key makes repeats
 * count occurrences instead of opening new alerts.
 */
@Injectable()
export class QueueMonitorService {
  constructor(
    private readonly queues: QueueService,
    private readonly alerts: AlertsService,
    private readonly organizations: OrganizationsService,
    @Inject(queueConfig.KEY) private readonly config: ConfigType<typeof queueConfig>,
  ) {}

  async checkBacklogs(): Promise<QueueBacklog[]> {
    const platformId = await this.organizations.getPlatformOrganizationId();
    const threshold = this.config.backlogAlertThreshold;
    return Promise.all(
      Object.values(QueueName).map(async (queue): Promise<QueueBacklog> => {
        const backlog = await this.backlogOf(queue);
        if (backlog > threshold) {
          await this.alerts.raise(platformId, {
            type: AlertType.QueueBacklog,
            severity: backlog > threshold * CRITICAL_BACKLOG_FACTOR ? AlertSeverity.Critical : AlertSeverity.Warning,
            title: `Queue ${queue} has ${backlog} jobs waiting (threshold ${threshold})`,
            dedupeKey: backlogDedupeKey(queue),
            details: { queue, backlog, threshold },
          });
          return { queue, backlog, alert: 'raised' };
        }
        const resolved = await this.alerts.resolveByKey(platformId, backlogDedupeKey(queue));
        return { queue, backlog, alert: resolved ? 'resolved' : 'none' };
      }),
    );
  }

  private async backlogOf(queue: QueueName): Promise<number> {
    // Priority jobs wait in their own set; a paused queue's jobs stay in the wait list.
    return this.queues.queue(queue).getJobCountByTypes('waiting', 'prioritized', 'delayed');
  }
}
