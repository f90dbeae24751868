import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from 'src/modules/audit/audit.module';
import { ContactEntity } from './contact.entity';
import { ContactsImportService } from './contacts-import.service';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';
import { WhatsappContactsService } from './whatsapp-contacts.service';

@Module({
  imports: [TypeOrmModule.forFeature([ContactEntity]), AuditModule],
  controllers: [ContactsController],
  providers: [ContactsService, ContactsImportService, WhatsappContactsService],
  exports: [ContactsService, WhatsappContactsService],
})
export class ContactsModule {}
