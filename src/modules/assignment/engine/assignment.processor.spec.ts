import { Job } from 'bullmq';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { AssignmentEngine } from './assignment-engine.service';
import { AssignmentSweeper } from './assignment-sweeper';
import { ASSIGNMENT_SWEEP_EVERY_MS, AssignmentProcessor } from './assignment.processor';
import { SecretaryReleaseService } from './secretary-release.service';

const ORGANIZATION_ID = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const USER_ID = '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

function fakeJob(name: string, data: Record<string, unknown>): Job {
  return { name, data } as unknown as Job;
}

describe(AssignmentProcessor.name, () => {
  let sut: AssignmentProcessor;
  let engine: { assignWaiting: jest.Mock };
  let release: { handleChange: jest.Mock };
  let sweeper: { sweep: jest.Mock };
  let queues: { schedule: jest.Mock };

  beforeEach(() => {
    engine = { assignWaiting: jest.fn().mockResolvedValue({ conversations: 1, leads: 0, waiting: 0 }) };
    release = { handleChange: jest.fn().mockResolvedValue({ conversations: 0, leads: 0, waiting: 0, releasedConversations: 2, releasedLeads: 1 }) };
    sweeper = { sweep: jest.fn().mockResolvedValue(3) };
    queues = { schedule: jest.fn().mockResolvedValue(undefined) };
    sut = new AssignmentProcessor(
      engine as unknown as AssignmentEngine,
      release as unknown as SecretaryReleaseService,
      sweeper as unknown as AssignmentSweeper,
      queues as unknown as QueueService,
    );
  });

  it('should schedule the sweep at boot', async () => {
    await sut.onApplicationBootstrap();
    expect(queues.schedule).toHaveBeenCalledWith(JobName.SweepAssignmentQueue, {}, ASSIGNMENT_SWEEP_EVERY_MS);
  });

  it('should run the engine for the organization', async () => {
    await expect(sut.process(fakeJob(JobName.AssignWaitingWork, { organizationId: ORGANIZATION_ID }))).resolves.toEqual({ conversations: 1, leads: 0, waiting: 0 });
    expect(engine.assignWaiting).toHaveBeenCalledWith(ORGANIZATION_ID);
  });

  it('should hand a secretary change to the release service', async () => {
    await sut.process(fakeJob(JobName.ReleaseSecretaryWork, { organizationId: ORGANIZATION_ID, userId: USER_ID }));
    expect(release.handleChange).toHaveBeenCalledWith(ORGANIZATION_ID, USER_ID);
  });

  it('should sweep', async () => {
    await expect(sut.process(fakeJob(JobName.SweepAssignmentQueue, {}))).resolves.toBe(3);
  });

  it('should refuse a job of another queue', async () => {
    await expect(sut.process(fakeJob(JobName.SendWhatsappMessage, {}))).rejects.toThrow('assignment cannot run job "send-whatsapp-message"');
  });
});
