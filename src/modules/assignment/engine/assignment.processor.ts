import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { ASSIGNMENT_WORKER_CONCURRENCY, JobMeta, JobName, JobPayloads, QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { AssignmentSweeper } from './assignment-sweeper';
import { AssignmentEngine, AssignmentRunResult } from './assignment-engine.service';
import { SecretaryReleaseService } from './secretary-release.service';

/** Waiting items become assignable as working hours begin, with no event to say so: the sweep catches them. */
export const ASSIGNMENT_SWEEP_EVERY_MS = 60_000;

type AssignmentJobData = (
  | JobPayloads[JobName.AssignWaitingWork]
  | JobPayloads[JobName.ReleaseSecretaryWork]
  | JobPayloads[JobName.SweepAssignmentQueue]
) &
  JobMeta;

@Processor(QueueName.Assignment, { concurrency: ASSIGNMENT_WORKER_CONCURRENCY })
export class AssignmentProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly engine: AssignmentEngine,
    private readonly release: SecretaryReleaseService,
    private readonly sweeper: AssignmentSweeper,
    private readonly queues: QueueService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.schedule(JobName.SweepAssignmentQueue, {}, ASSIGNMENT_SWEEP_EVERY_MS);
  }

  async process(job: Job<AssignmentJobData>): Promise<AssignmentRunResult | number> {
    switch (job.name) {
      case JobName.AssignWaitingWork:
        return this.engine.assignWaiting((job.data as JobPayloads[JobName.AssignWaitingWork]).organizationId);
      case JobName.ReleaseSecretaryWork: {
        const { organizationId, userId } = job.data as JobPayloads[JobName.ReleaseSecretaryWork];
        return this.release.handleChange(organizationId, userId);
      }
      case JobName.SweepAssignmentQueue:
        return this.sweeper.sweep(ASSIGNMENT_SWEEP_EVERY_MS);
      default:
        throw new Error(`assignment cannot run job "${job.name}"`);
    }
  }
}
