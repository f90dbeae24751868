import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { BotTurnsService } from 'src/modules/conversations/bot-turns/bot-turns.service';
import { aiConfig } from 'src/config/ai.config';
import { TurnScheduler } from './turn-scheduler';

const SWEEP_BATCH = 200;

/**
 * The safety net of turn-taking: a burst whose job Redis lost (down while the message arrived, a job that
 * ran out of attempts) is armed again once it has waited well past the debounce cap.
 */
@Injectable()
export class TurnSweeper {
  private readonly logger = new Logger(TurnSweeper.name);

  constructor(
    private readonly turns: BotTurnsService,
    private readonly scheduler: TurnScheduler,
    @Inject(aiConfig.KEY) private readonly config: ConfigType<typeof aiConfig>,
  ) {}

  async sweep(): Promise<number> {
    const stale = await this.turns.findUnanswered(new Date(Date.now() - this.config.turnSweepAfterMs), SWEEP_BATCH);
    if (stale.length === 0) return 0;
    const armed = await this.scheduler.arm(stale, { retry: true });
    this.logger.log({ conversations: armed }, 'unanswered bursts armed again');
    return armed;
  }
}
