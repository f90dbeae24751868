import { Injectable } from '@nestjs/common';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { AvailabilityService } from '../availability/availability.service';

/** Queues one assignment run per organization that has someone available; returns how many it queued. */
@Injectable()
export class AssignmentSweeper {
  constructor(
    private readonly availability: AvailabilityService,
    private readonly queues: QueueService,
  ) {}

  async sweep(everyMs: number): Promise<number> {
    const organizationIds = await this.availability.organizationsWithAvailableSecretaries();
    // One id per organization and sweep period: an overlapping sweep adds nothing.
    const period = Math.floor(Date.now() / everyMs);
    await this.queues.enqueueMany(
      JobName.AssignWaitingWork,
      organizationIds.map((organizationId) => ({ payload: { organizationId }, options: { jobId: `assign-${organizationId}-sweep-${period}` } })),
    );
    return organizationIds.length;
  }
}
