import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobMeta, JobName, JobPayloads, MAINTENANCE_WORKER_CONCURRENCY, QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { KnowledgeEmbedder } from '../embeddings/knowledge-embedder';
import { TurnSweeper } from './turn-sweeper';

const SWEEP_EVERY_MS = 30_000;

@Processor(QueueName.AiMaintenance, { concurrency: MAINTENANCE_WORKER_CONCURRENCY })
export class AiMaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly sweeper: TurnSweeper,
    private readonly embedder: KnowledgeEmbedder,
    private readonly queues: QueueService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.schedule(JobName.SweepAiTurns, {}, SWEEP_EVERY_MS);
  }

  async process(job: Job<(JobPayloads[JobName.SweepAiTurns] | JobPayloads[JobName.EmbedKnowledge]) & JobMeta>): Promise<number> {
    switch (job.name) {
      case JobName.SweepAiTurns:
        return this.sweeper.sweep();
      case JobName.EmbedKnowledge:
        return this.embedder.embedPending((job.data as JobPayloads[JobName.EmbedKnowledge]).organizationId);
      default:
        throw new Error(`ai-maintenance cannot run job "${job.name}"`);
    }
  }
}
