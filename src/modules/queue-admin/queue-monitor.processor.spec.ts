import { Job } from 'bullmq';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { MONITOR_QUEUES_EVERY_MS } from './queue-admin.constants';
import { QueueMonitorProcessor } from './queue-monitor.processor';
import { QueueMonitorService } from './queue-monitor.service';

describe(QueueMonitorProcessor.name, () => {
  let sut: QueueMonitorProcessor;
  let monitor: jest.Mocked<Pick<QueueMonitorService, 'checkBacklogs'>>;
  let queues: jest.Mocked<Pick<QueueService, 'schedule'>>;

  beforeEach(() => {
    monitor = { checkBacklogs: jest.fn().mockResolvedValue([]) };
    queues = { schedule: jest.fn() };
    sut = new QueueMonitorProcessor(monitor as unknown as QueueMonitorService, queues as unknown as QueueService);
  });

  it('should schedule monitor-queues every minute at bootstrap', async () => {
    await sut.onApplicationBootstrap();
    expect(queues.schedule).toHaveBeenCalledWith(JobName.MonitorQueues, {}, MONITOR_QUEUES_EVERY_MS);
    expect(MONITOR_QUEUES_EVERY_MS).toBe(60_000);
  });

  it('should check the backlogs for a monitor-queues job', async () => {
    await sut.process({ id: '1', name: JobName.MonitorQueues, data: {} } as Job);
    expect(monitor.checkBacklogs).toHaveBeenCalledTimes(1);
  });

  it('should fail a job it does not know', async () => {
    await expect(sut.process({ id: '2', name: 'something-else', data: {} } as Job)).rejects.toThrow('monitoring cannot run job "something-else"');
    expect(monitor.checkBacklogs).not.toHaveBeenCalled();
  });
});
