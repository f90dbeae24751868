import { Module } from '@nestjs/common';

/** The AI front desk: engines, keys, usage and the per-turn orchestration. */
@Module({
  imports: [],
  providers: [],
  controllers: [],
  exports: [],
})
export class AiModule {}
