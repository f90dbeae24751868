import { Module } from '@nestjs/common';
import { JwtAuthGuard } from 'src/common/guards/jwt-auth.guard';
import { AlertsModule } from 'src/modules/alerts/alerts.module';
import { OrganizationsModule } from 'src/modules/organizations/organizations.module';
import { BoardAccessService } from './board/board-access.service';
import { BullBoardRegistrar } from './board/bull-board.registrar';
import { QueueAdminController } from './queue-admin.controller';
import { QueueAdminService } from './queue-admin.service';
import { QueueMonitorProcessor } from './queue-monitor.processor';
import { QueueMonitorService } from './queue-monitor.service';

/** Queue statistics and repair for the platform operator, the Bull Board UI and the backlog monitor. */
@Module({
  imports: [AlertsModule, OrganizationsModule],
  controllers: [QueueAdminController],
  // JwtAuthGuard: the board runs outside Nest's router, so it calls the API's guard itself (the passport
  // `jwt` strategy it uses is registered by AuthModule).
  providers: [QueueAdminService, QueueMonitorService, QueueMonitorProcessor, BoardAccessService, BullBoardRegistrar, JwtAuthGuard],
})
export class QueueAdminModule {}
