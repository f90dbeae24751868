import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from 'src/modules/alerts/alerts.module';
import { AuditModule } from 'src/modules/audit/audit.module';
import { OrganizationsModule } from 'src/modules/organizations/organizations.module';
import { WahaClient } from './client/waha.client';
import { InboxBatchWriter } from './inbox/inbox-batch-writer';
import { InboxEnqueuer } from './inbox/inbox-enqueuer';
import { InboxSweeper } from './inbox/inbox-sweeper';
import { WahaInboxEventEntity } from './inbox/waha-inbox-event.entity';
import { WahaInboxService } from './inbox/waha-inbox.service';
import { WahaMaintenanceProcessor } from './waha-maintenance.processor';
import { WahaWebhookController } from './webhook/waha-webhook.controller';
import { IngestPressure } from './webhook/ingest-pressure';
import { WahaWebhookService } from './webhook/waha-webhook.service';
import { WebhookSessionResolver } from './webhook/webhook-session.resolver';
import { WhatsappSessionEntity } from './sessions/whatsapp-session.entity';
import { WhatsappSessionsController } from './sessions/whatsapp-sessions.controller';
import { WhatsappSessionsService } from './sessions/whatsapp-sessions.service';
import { WhatsappSessionAlerts } from './sessions/whatsapp-session-alerts.service';
import { WhatsappSessionMonitorService } from './sessions/whatsapp-session-monitor.service';
import { WhatsappSessionProvisioningService } from './sessions/whatsapp-session-provisioning.service';

/**
 * The gateway to WAHA: its HTTP client, the clinics' WhatsApp numbers (sessions), the webhook with its
 * HMAC check and the durable inbox. What an inbound event means is decided in `conversations`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WhatsappSessionEntity, WahaInboxEventEntity]), AlertsModule, OrganizationsModule, AuditModule],
  controllers: [WhatsappSessionsController, WahaWebhookController],
  providers: [
    WahaClient,
    WhatsappSessionsService,
    WhatsappSessionProvisioningService,
    WhatsappSessionMonitorService,
    WhatsappSessionAlerts,
    WahaWebhookService,
    WebhookSessionResolver,
    InboxBatchWriter,
    InboxEnqueuer,
    IngestPressure,
    WahaInboxService,
    InboxSweeper,
    WahaMaintenanceProcessor,
  ],
  exports: [WahaClient, WhatsappSessionsService, WahaInboxService, WebhookSessionResolver, IngestPressure],
})
export class WahaModule {}
