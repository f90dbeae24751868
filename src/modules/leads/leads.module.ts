import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConversationsModule } from 'src/modules/conversations/conversations.module';
import { UsersModule } from 'src/modules/users/users.module';
import { AfterCommit } from './after-commit';
import { LeadActivityRepository } from './lead-activity.repository';
import { LeadAssignees } from './lead-assignees';
import { LeadAssignmentService } from './lead-assignment.service';
import { LeadConversationEntity } from './lead-conversation.entity';
import { LeadEvents } from './lead-events';
import { LeadHistoryEntity } from './lead-history.entity';
import { LeadInteractionEntity } from './lead-interaction.entity';
import { LeadMergeService } from './lead-merge.service';
import { LeadScoreHistoryEntity } from './lead-score-history.entity';
import { LeadTimelineService } from './lead-timeline.service';
import { LeadWorkflowController } from './lead-workflow.controller';
import { LeadWorkflowService } from './lead-workflow.service';
import { LeadEntity } from './lead.entity';
import { LeadsController } from './leads.controller';
import { LeadsRepository } from './leads.repository';
import { LeadsService } from './leads.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([LeadEntity, LeadScoreHistoryEntity, LeadInteractionEntity, LeadHistoryEntity, LeadConversationEntity]),
    ConversationsModule,
    UsersModule,
  ],
  controllers: [LeadsController, LeadWorkflowController],
  providers: [
    LeadsService,
    LeadsRepository,
    AfterCommit,
    LeadEvents,
    LeadActivityRepository,
    LeadAssignees,
    LeadAssignmentService,
    LeadWorkflowService,
    LeadMergeService,
    LeadTimelineService,
  ],
  exports: [LeadsService],
})
export class LeadsModule {}
