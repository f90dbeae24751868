import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConversationsModule } from 'src/modules/conversations/conversations.module';
import { LeadsModule } from 'src/modules/leads/leads.module';
import { OrganizationsModule } from 'src/modules/organizations/organizations.module';
import { UsersModule } from 'src/modules/users/users.module';
import { AssignmentController } from './assignment.controller';
import { AvailabilityService } from './availability/availability.service';
import { SecretaryAvailabilityEntity } from './availability/secretary-availability.entity';
import { DepartmentMemberEntity } from './departments/department-member.entity';
import { DepartmentEntity } from './departments/department.entity';
import { DepartmentsController } from './departments/departments.controller';
import { DepartmentsService } from './departments/departments.service';
import { AssignmentEngine } from './engine/assignment-engine.service';
import { AssignmentSweeper } from './engine/assignment-sweeper';
import { AssignmentTrigger } from './engine/assignment-trigger';
import { AssignmentProcessor } from './engine/assignment.processor';
import { OrganizationLock } from './engine/organization-lock';
import { SecretaryReleaseService } from './engine/secretary-release.service';
import { ConversationDepartmentEntity } from './routing/conversation-department.entity';
import { DepartmentRoutingService } from './routing/department-routing.service';
import { LeadDepartmentEntity } from './routing/lead-department.entity';
import { RoutingController } from './routing/routing.controller';
import { SecretaryDirectory } from './secretary-directory';
import { AssignmentSettingsEntity } from './settings/assignment-settings.entity';
import { AssignmentSettingsService } from './settings/assignment-settings.service';

/** Departments, secretaries' availability and the engine that fairly assigns waiting conversations and leads. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      DepartmentEntity,
      DepartmentMemberEntity,
      ConversationDepartmentEntity,
      LeadDepartmentEntity,
      SecretaryAvailabilityEntity,
      AssignmentSettingsEntity,
    ]),
    OrganizationsModule,
    UsersModule,
    ConversationsModule,
    LeadsModule,
  ],
  controllers: [DepartmentsController, RoutingController, AssignmentController],
  providers: [
    SecretaryDirectory,
    DepartmentsService,
    DepartmentRoutingService,
    AvailabilityService,
    AssignmentSettingsService,
    OrganizationLock,
    AssignmentEngine,
    SecretaryReleaseService,
    AssignmentTrigger,
    AssignmentSweeper,
    AssignmentProcessor,
  ],
  exports: [DepartmentsService, AvailabilityService],
})
export class AssignmentModule {}
