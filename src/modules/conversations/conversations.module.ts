import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactsModule } from 'src/modules/contacts/contacts.module';
import { OrganizationsModule } from 'src/modules/organizations/organizations.module';
import { WahaModule } from 'src/modules/waha/waha.module';
import { ConversationEntity } from './conversation.entity';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { LocalMediaStorage } from './media/local-media.storage';
import { MediaStorage } from './media/media-storage';
import { MessageEntity } from './message.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ConversationEntity, MessageEntity]), ContactsModule, WahaModule, OrganizationsModule],
  controllers: [ConversationsController],
  providers: [ConversationsService, { provide: MediaStorage, useClass: LocalMediaStorage }],
  exports: [ConversationsService],
})
export class ConversationsModule {}
