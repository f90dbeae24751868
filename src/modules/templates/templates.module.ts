import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from 'src/modules/organizations/organizations.module';
import { QuickRepliesController } from './quick-replies.controller';
import { QuickRepliesService } from './quick-replies.service';
import { QuickReplyEntity } from './quick-reply.entity';
import { TemplateEntity } from './template.entity';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';

@Module({
  imports: [TypeOrmModule.forFeature([TemplateEntity, QuickReplyEntity]), OrganizationsModule],
  controllers: [TemplatesController, QuickRepliesController],
  providers: [TemplatesService, QuickRepliesService],
  exports: [TemplatesService],
})
export class TemplatesModule {}
