import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from 'src/modules/audit/audit.module';
import { OrganizationsModule } from 'src/modules/organizations/organizations.module';
import { ClinicProfileController } from './clinic-profile/clinic-profile.controller';
import { ClinicProfileEntity } from './clinic-profile/clinic-profile.entity';
import { ClinicProfileService } from './clinic-profile/clinic-profile.service';
import { KnowledgeImportService } from './items/import/knowledge-import.service';
import { KnowledgeItemEntity } from './items/knowledge-item.entity';
import { KnowledgeItemsController } from './items/knowledge-items.controller';
import { KnowledgeItemsService } from './items/knowledge-items.service';
import { KnowledgeChanges } from './knowledge-changes.service';
import { KnowledgeService } from './knowledge.service';
import { KnowledgeChunkEntity } from './retrieval/knowledge-chunk.entity';
import { KnowledgeSearchService } from './retrieval/knowledge-search.service';

/** The clinic profile (contacts, business hours, insurance, services) and the knowledge base the bot retrieves from. */
@Module({
  imports: [TypeOrmModule.forFeature([ClinicProfileEntity, KnowledgeItemEntity, KnowledgeChunkEntity]), AuditModule, OrganizationsModule],
  controllers: [ClinicProfileController, KnowledgeItemsController],
  providers: [ClinicProfileService, KnowledgeItemsService, KnowledgeImportService, KnowledgeSearchService, KnowledgeChanges, KnowledgeService],
  exports: [KnowledgeService],
})
export class KnowledgeModule {}
