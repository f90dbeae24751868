import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactsModule } from 'src/modules/contacts/contacts.module';
import { OrganizationsModule } from 'src/modules/organizations/organizations.module';
import { WahaModule } from 'src/modules/waha/waha.module';
import { ConversationEntity } from './conversation.entity';
import { ConversationsController } from './conversations.controller';
import { ConversationsRepository } from './conversations.repository';
import { ConversationsService } from './conversations.service';
import { LocalMediaStorage } from './media/local-media.storage';
import { MediaStorage } from './media/media-storage';
import { MessageEntity } from './message.entity';
import { MessagesController } from './messages.controller';
import { InboundEventsService } from './inbound/inbound-events.service';
import { InboundMessageHandlers } from './inbound/inbound-message.handlers';
import { InboundProcessor } from './inbound/inbound.processor';
import { MediaDownloadService } from './media/media-download.service';
import { MediaProcessor } from './media/media.processor';
import { MessageSweeper } from './message-sweeper';
import { MessagingMaintenanceProcessor } from './messaging-maintenance.processor';
import { OutboundMessagesService } from './outbound/outbound-messages.service';
import { OutboundSenderService } from './outbound/outbound-sender.service';
import { OutboundProcessor } from './outbound/outbound.processor';
import { SendGovernor } from './outbound/send-governor';
import { BotTurnsService } from './bot-turns/bot-turns.service';
import { ConversationOwnershipService } from './ownership/conversation-ownership.service';
import { OwnershipEventEntity } from './ownership/ownership-event.entity';
import { OwnershipController } from './ownership/ownership.controller';
import { ConversationSearchController } from './search/conversation-search.controller';
import { ConversationSearchRepository } from './search/conversation-search.repository';
import { ConversationSearchService } from './search/conversation-search.service';
import { UsersModule } from 'src/modules/users/users.module';
import { AssigneeValidator } from './assignment/assignee-validator';
import { ConversationAssignmentActionsService } from './assignment/conversation-assignment-actions.service';
import { ConversationAssignmentController } from './assignment/conversation-assignment.controller';
import { ConversationAssignmentService } from './assignment/conversation-assignment.service';
import { ConversationEventEntity } from './history/conversation-event.entity';
import { ConversationHistoryController } from './history/conversation-history.controller';
import { ConversationHistoryService } from './history/conversation-history.service';
import { ConversationReadEntity } from './read-state/conversation-read.entity';
import { ConversationReadStateController } from './read-state/conversation-read-state.controller';
import { ConversationReadStateService } from './read-state/conversation-read-state.service';
import { ConversationWorkflowController } from './workflow/conversation-workflow.controller';
import { ConversationWorkflowService } from './workflow/conversation-workflow.service';

import { ConversationNoteEntity } from './notes/conversation-note.entity';
import { ConversationNotesController } from './notes/conversation-notes.controller';
import { ConversationNotesService } from './notes/conversation-notes.service';
import { ConversationTagEntity } from './tags/conversation-tag.entity';
import { ConversationTagsController } from './tags/conversation-tags.controller';
import { ConversationTagsService } from './tags/conversation-tags.service';
import { TagsModule } from 'src/modules/tags/tags.module';
import { TemplatesModule } from 'src/modules/templates/templates.module';

@Module({
  imports: [TypeOrmModule.forFeature([ConversationEntity, MessageEntity, OwnershipEventEntity, ConversationEventEntity, ConversationReadEntity, ConversationTagEntity, ConversationNoteEntity]), ContactsModule, WahaModule, OrganizationsModule, UsersModule, TagsModule, TemplatesModule],
  controllers: [
    ConversationWorkflowController,
    ConversationAssignmentController,
    ConversationHistoryController,
    ConversationReadStateController,
    ConversationsController, MessagesController, OwnershipController, ConversationSearchController, ConversationTagsController, ConversationNotesController],
  providers: [ConversationsService, ConversationsRepository, { provide: MediaStorage, useClass: LocalMediaStorage },
    InboundEventsService,
    InboundMessageHandlers,
    InboundProcessor,
    MediaDownloadService,
    MediaProcessor,
    MessageSweeper,
    MessagingMaintenanceProcessor,
    OutboundMessagesService,
    OutboundSenderService,
    OutboundProcessor,
    SendGovernor,
    BotTurnsService,
    ConversationOwnershipService,
    ConversationHistoryService,
    ConversationAssignmentService,
    ConversationAssignmentActionsService,
    AssigneeValidator,
    ConversationWorkflowService,
    ConversationReadStateService,
    ConversationSearchService,
    ConversationSearchRepository,
    ConversationTagsService,
    ConversationNotesService,
  ],
  exports: [ConversationTagsService, ConversationHistoryService, ConversationAssignmentService, ConversationsService, OutboundMessagesService, BotTurnsService],
})
export class ConversationsModule {}
