import { Module } from '@nestjs/common';
import { AlertsModule } from 'src/modules/alerts/alerts.module';
import { OrganizationsModule } from 'src/modules/organizations/organizations.module';

/** Queue statistics and repair for the platform operator, the Bull Board UI and the backlog monitor. */
@Module({
  imports: [AlertsModule, OrganizationsModule],
})
export class QueueAdminModule {}
