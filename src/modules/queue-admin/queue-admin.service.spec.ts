import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { CLEAN_BATCH } from './queue-admin.constants';
import { QueueAdminService } from './queue-admin.service';

const operator: AuthUser = {
  userId: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
  organizationId: '0a0b0c0d-0000-4000-8000-000000000001',
  role: Role.SuperAdmin,
  jti: 'jti',
  sessionId: 'sid',
  tokenExpiresAt: 0,
};

interface FakeJob {
  isFailed: jest.Mock<Promise<boolean>, []>;
  retry: jest.Mock<Promise<void>, [string?]>;
}

interface FakeQueue {
  getJob: jest.Mock<Promise<FakeJob | undefined>, [string]>;
  getJobCounts: jest.Mock;
  getJobCountByTypes: jest.Mock;
  isPaused: jest.Mock;
  retryJobs: jest.Mock;
  clean: jest.Mock;
}

function fakeJob(failed: boolean): FakeJob {
  return { isFailed: jest.fn().mockResolvedValue(failed), retry: jest.fn().mockResolvedValue(undefined) };
}

function fakeQueue(): FakeQueue {
  return {
    getJob: jest.fn().mockResolvedValue(undefined),
    getJobCounts: jest.fn().mockResolvedValue({}),
    getJobCountByTypes: jest.fn().mockResolvedValue(0),
    isPaused: jest.fn().mockResolvedValue(false),
    retryJobs: jest.fn().mockResolvedValue(undefined),
    clean: jest.fn().mockResolvedValue([]),
  };
}

describe(QueueAdminService.name, () => {
  let sut: QueueAdminService;
  let queues: Record<QueueName, FakeQueue>;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    queues = Object.fromEntries(Object.values(QueueName).map((name) => [name, fakeQueue()])) as Record<QueueName, FakeQueue>;
    const queueService = { queue: (name: QueueName) => queues[name] as unknown as Queue };
    sut = new QueueAdminService(queueService as unknown as QueueService);
  });

  describe('stats', () => {
    it('should map BullMQ counts per queue and sum them', async () => {
      queues[QueueName.Media].getJobCounts.mockResolvedValue({ waiting: 3, active: 1, failed: 2, 'waiting-children': 1 });
      queues[QueueName.Monitoring].getJobCounts.mockResolvedValue({ waiting: 1, delayed: 4, completed: 10, prioritized: 2 });

      const result = await sut.stats();

      expect(result.queues.map((queue) => queue.name)).toEqual(Object.values(QueueName));
      expect(result.queues.find((queue) => queue.name === QueueName.Media)).toEqual({
        name: QueueName.Media,
        is_paused: false,
        waiting: 3,
        active: 1,
        delayed: 0,
        failed: 2,
        completed: 0,
        paused: 0,
        prioritized: 0,
        waiting_children: 1,
      });
      expect(result.totals).toEqual({ waiting: 4, active: 1, delayed: 4, failed: 2, completed: 10, paused: 0, prioritized: 2, waiting_children: 1 });
    });

    it('should report the waiting jobs of a paused queue as paused', async () => {
      queues[QueueName.Media].getJobCounts.mockResolvedValue({ waiting: 5 });
      queues[QueueName.Media].isPaused.mockResolvedValue(true);

      const media = (await sut.stats()).queues.find((queue) => queue.name === QueueName.Media);

      expect(media).toMatchObject({ is_paused: true, waiting: 0, paused: 5 });
    });
  });

  describe('retryFailed', () => {
    it('should retry each failed job named and report the ids it did not find', async () => {
      const failed = fakeJob(true);
      queues[QueueName.Media].getJob.mockImplementation(async (id) => (id === 'media-1' ? failed : undefined));

      const result = await sut.retryFailed(operator, { job_ids: ['media-1', 'missing'] });

      expect(result).toEqual({ retried: 1, not_found: ['missing'] });
      expect(failed.retry).toHaveBeenCalledWith('failed');
    });

    it('should not retry a job that is not failed, and report it as not found', async () => {
      const active = fakeJob(false);
      queues[QueueName.Media].getJob.mockResolvedValue(active);

      const result = await sut.retryFailed(operator, { job_ids: ['media-1'] });

      expect(result).toEqual({ retried: 0, not_found: ['media-1'] });
      expect(active.retry).not.toHaveBeenCalled();
    });

    it('should search only the given queue', async () => {
      queues[QueueName.Media].getJob.mockResolvedValue(fakeJob(true));

      const result = await sut.retryFailed(operator, { job_ids: ['media-1'], queue: QueueName.WhatsappOutbound });

      expect(result).toEqual({ retried: 0, not_found: ['media-1'] });
      expect(queues[QueueName.Media].getJob).not.toHaveBeenCalled();
      expect(queues[QueueName.WhatsappOutbound].getJob).toHaveBeenCalledWith('media-1');
    });

    it('should retry a failed job of that id in every queue that has one, once per repeated id', async () => {
      const inMedia = fakeJob(true);
      const inOutbound = fakeJob(true);
      queues[QueueName.Media].getJob.mockResolvedValue(inMedia);
      queues[QueueName.WhatsappOutbound].getJob.mockResolvedValue(inOutbound);

      const result = await sut.retryFailed(operator, { job_ids: ['7', '7'] });

      expect(result).toEqual({ retried: 2, not_found: [] });
      expect(inMedia.retry).toHaveBeenCalledTimes(1);
      expect(inOutbound.retry).toHaveBeenCalledTimes(1);
    });

    it('should treat a job that left the failed state meanwhile as not found', async () => {
      const raced = fakeJob(true);
      raced.retry.mockRejectedValue(new Error('Job 7 is not in the failed state. reprocessJob'));
      queues[QueueName.Media].getJob.mockResolvedValue(raced);

      await expect(sut.retryFailed(operator, { job_ids: ['7'] })).resolves.toEqual({ retried: 0, not_found: ['7'] });
    });

    it('should let other errors (Redis down) propagate', async () => {
      const broken = fakeJob(true);
      broken.retry.mockRejectedValue(new Error('Connection is closed.'));
      queues[QueueName.Media].getJob.mockResolvedValue(broken);

      await expect(sut.retryFailed(operator, { job_ids: ['7'] })).rejects.toThrow('Connection is closed.');
    });

    it('should retry every failed job of every queue when no ids are given, up to the time of the call', async () => {
      queues[QueueName.Media].getJobCountByTypes.mockResolvedValue(4);
      queues[QueueName.Maintenance].getJobCountByTypes.mockResolvedValue(1);
      const before = Date.now();

      const result = await sut.retryFailed(operator, { job_ids: [] });

      expect(result).toEqual({ retried: 5, not_found: [] });
      for (const queue of Object.values(queues)) {
        expect(queue.getJobCountByTypes).toHaveBeenCalledWith('failed');
        expect(queue.retryJobs).toHaveBeenCalledWith({ state: 'failed', timestamp: expect.any(Number) });
        const { timestamp } = queue.retryJobs.mock.calls[0][0] as { timestamp: number };
        expect(timestamp).toBeGreaterThanOrEqual(before);
        expect(timestamp).toBeLessThanOrEqual(Date.now());
      }
    });

    it('should retry all failed jobs of the given queue only', async () => {
      queues[QueueName.Media].getJobCountByTypes.mockResolvedValue(3);

      const result = await sut.retryFailed(operator, { queue: QueueName.Media });

      expect(result).toEqual({ retried: 3, not_found: [] });
      expect(queues[QueueName.WhatsappOutbound].retryJobs).not.toHaveBeenCalled();
    });
  });

  describe('removeFailed', () => {
    it('should clean failed jobs in batches until a batch comes back short', async () => {
      const full = Array.from({ length: CLEAN_BATCH }, (_, index) => String(index));
      queues[QueueName.Media].clean.mockResolvedValueOnce(full).mockResolvedValueOnce(['a', 'b']);

      const result = await sut.removeFailed(operator, QueueName.Media);

      expect(result).toEqual({ removed: CLEAN_BATCH + 2 });
      expect(queues[QueueName.Media].clean).toHaveBeenCalledTimes(2);
      expect(queues[QueueName.Media].clean).toHaveBeenCalledWith(0, CLEAN_BATCH, 'failed');
      expect(queues[QueueName.WhatsappOutbound].clean).not.toHaveBeenCalled();
    });

    it('should clean every queue when none is given', async () => {
      queues[QueueName.Maintenance].clean.mockResolvedValueOnce(['1']);
      queues[QueueName.Monitoring].clean.mockResolvedValueOnce(['2', '3']);

      await expect(sut.removeFailed(operator)).resolves.toEqual({ removed: 3 });
      for (const queue of Object.values(queues)) expect(queue.clean).toHaveBeenCalledTimes(1);
    });
  });
});
