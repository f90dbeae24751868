import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from 'src/modules/audit/audit.module';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { PlanEntity } from './plan.entity';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrganizationEntity, PlanEntity]), AuditModule],
  controllers: [OrganizationsController, PlansController],
  providers: [OrganizationsService, PlansService],
  exports: [OrganizationsService, PlansService],
})
export class OrganizationsModule {}
