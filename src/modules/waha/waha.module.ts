import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from 'src/modules/alerts/alerts.module';
import { OrganizationsModule } from 'src/modules/organizations/organizations.module';
import { WahaClient } from './client/waha.client';
import { WahaInboxEventEntity } from './inbox/waha-inbox-event.entity';
import { WhatsappSessionEntity } from './sessions/whatsapp-session.entity';
import { WhatsappSessionsController } from './sessions/whatsapp-sessions.controller';
import { WhatsappSessionsService } from './sessions/whatsapp-sessions.service';

/**
 * The gateway to WAHA: its HTTP client, the clinics' WhatsApp numbers (sessions), the webhook with its
 * HMAC check and the durable inbox. What an inbound event means is decided in `conversations`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WhatsappSessionEntity, WahaInboxEventEntity]), AlertsModule, OrganizationsModule],
  controllers: [WhatsappSessionsController],
  providers: [WahaClient, WhatsappSessionsService],
  exports: [WahaClient, WhatsappSessionsService],
})
export class WahaModule {}
