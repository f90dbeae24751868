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

@Module({
  imports: [TypeOrmModule.forFeature([ConversationEntity, MessageEntity, OwnershipEventEntity]), ContactsModule, WahaModule, OrganizationsModule],
  controllers: [ConversationsController, MessagesController, OwnershipController],
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
  ],
  exports: [ConversationsService, OutboundMessagesService, BotTurnsService],
})
export class ConversationsModule {}
