import { Queue } from 'bullmq';
import { AlertSeverity, AlertType } from 'src/modules/alerts/alert.entity';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { QueueMonitorService } from './queue-monitor.service';

const platformId = '0a0b0c0d-0000-4000-8000-000000000001';
const THRESHOLD = 100;

describe(QueueMonitorService.name, () => {
  let sut: QueueMonitorService;
  let backlogs: Partial<Record<QueueName, number>>;
  let countCalls: { queue: QueueName; types: string[] }[];
  let alerts: jest.Mocked<Pick<AlertsService, 'raise' | 'resolveByKey'>>;

  beforeEach(() => {
    backlogs = {};
    countCalls = [];
    const queues = {
      queue: jest.fn((name: QueueName) => ({
        getJobCountByTypes: jest.fn(async (...types: string[]) => {
          countCalls.push({ queue: name, types });
          return backlogs[name] ?? 0;
        }),
      })) as unknown as (name: QueueName) => Queue,
    };
    alerts = { raise: jest.fn().mockResolvedValue(true), resolveByKey: jest.fn().mockResolvedValue(false) };
    const organizations = { getPlatformOrganizationId: jest.fn().mockResolvedValue(platformId) };
    sut = new QueueMonitorService(
      queues as unknown as QueueService,
      alerts as unknown as AlertsService,
      organizations as unknown as OrganizationsService,
      { backlogAlertThreshold: THRESHOLD, inboxSweepAfterMs: 30_000 },
    );
  });

  describe('checkBacklogs', () => {
    it('should count waiting, prioritized and delayed jobs of every queue', async () => {
      await sut.checkBacklogs();
      expect(countCalls.map((call) => call.queue).sort()).toEqual(Object.values(QueueName).sort());
      for (const call of countCalls) expect(call.types.sort()).toEqual(['delayed', 'prioritized', 'waiting']);
    });

    it('should raise a warning on the platform organization when a backlog passes the threshold', async () => {
      backlogs[QueueName.WhatsappOutbound] = THRESHOLD + 1;
      const results = await sut.checkBacklogs();
      expect(alerts.raise).toHaveBeenCalledTimes(1);
      expect(alerts.raise).toHaveBeenCalledWith(platformId, {
        type: AlertType.QueueBacklog,
        severity: AlertSeverity.Warning,
        title: expect.stringContaining(QueueName.WhatsappOutbound),
        dedupeKey: `queue-backlog:${QueueName.WhatsappOutbound}`,
        details: { queue: QueueName.WhatsappOutbound, backlog: THRESHOLD + 1, threshold: THRESHOLD },
      });
      expect(results.find((result) => result.queue === QueueName.WhatsappOutbound)).toEqual({
        queue: QueueName.WhatsappOutbound,
        backlog: THRESHOLD + 1,
        alert: 'raised',
      });
    });

    it('should raise a critical alert when the backlog is more than ten times the threshold', async () => {
      backlogs[QueueName.Media] = THRESHOLD * 10 + 1;
      await sut.checkBacklogs();
      expect(alerts.raise).toHaveBeenCalledWith(platformId, expect.objectContaining({ severity: AlertSeverity.Critical }));
    });

    it('should keep a warning at exactly ten times the threshold', async () => {
      backlogs[QueueName.Media] = THRESHOLD * 10;
      await sut.checkBacklogs();
      expect(alerts.raise).toHaveBeenCalledWith(platformId, expect.objectContaining({ severity: AlertSeverity.Warning }));
    });

    it('should resolve instead of raising when the backlog is at or under the threshold', async () => {
      backlogs[QueueName.WahaInbound] = THRESHOLD;
      alerts.resolveByKey.mockImplementation(async (_organizationId, key) => key === `queue-backlog:${QueueName.WahaInbound}`);
      const results = await sut.checkBacklogs();
      expect(alerts.raise).not.toHaveBeenCalled();
      expect(alerts.resolveByKey).toHaveBeenCalledTimes(Object.values(QueueName).length);
      expect(alerts.resolveByKey).toHaveBeenCalledWith(platformId, `queue-backlog:${QueueName.WahaInbound}`);
      expect(results.find((result) => result.queue === QueueName.WahaInbound)?.alert).toBe('resolved');
      expect(results.find((result) => result.queue === QueueName.Media)?.alert).toBe('none');
    });
  });
});
