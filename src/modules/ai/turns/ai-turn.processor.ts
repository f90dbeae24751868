import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { AI_TURN_WORKER_CONCURRENCY, JobMeta, JobName, JobPayloads, QueueName } from 'src/queue/queue.constants';
import { AiTurnService, TurnOutcome } from './ai-turn.service';

@Processor(QueueName.AiTurns, { concurrency: AI_TURN_WORKER_CONCURRENCY })
export class AiTurnProcessor extends WorkerHost {
  private readonly logger = new Logger(AiTurnProcessor.name);

  constructor(private readonly turns: AiTurnService) {
    super();
  }

  async process(job: Job<JobPayloads[JobName.RunAiTurn] & JobMeta>): Promise<TurnOutcome> {
    if (job.name !== JobName.RunAiTurn) throw new Error(`ai-turns cannot run job "${job.name}"`);
    const outcome = await this.turns.run(job.data);
    this.logger.debug({ conversationId: job.data.conversationId, outcome }, 'bot turn');
    return outcome;
  }
}
