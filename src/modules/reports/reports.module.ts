import { Module } from '@nestjs/common';
import { ConversationExportController } from './conversation-export.controller';
import { ConversationExportRepository } from './conversation-export.repository';
import { ConversationExportService } from './conversation-export.service';

/** Read-only reports that join several features' tables (layer 6): the conversation export. */
@Module({
  controllers: [ConversationExportController],
  providers: [ConversationExportService, ConversationExportRepository],
})
export class ReportsModule {}
