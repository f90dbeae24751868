import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConversationsModule } from 'src/modules/conversations/conversations.module';
import { AfterCommit } from './after-commit';
import { LeadScoreHistoryEntity } from './lead-score-history.entity';
import { LeadEntity } from './lead.entity';
import { LeadsController } from './leads.controller';
import { LeadsRepository } from './leads.repository';
import { LeadsService } from './leads.service';

@Module({
  imports: [TypeOrmModule.forFeature([LeadEntity, LeadScoreHistoryEntity]), ConversationsModule],
  controllers: [LeadsController],
  providers: [LeadsService, LeadsRepository, AfterCommit],
  exports: [LeadsService],
})
export class LeadsModule {}
