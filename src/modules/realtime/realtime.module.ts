import { Module } from '@nestjs/common';
import { JwtAuthGuard } from 'src/common/guards/jwt-auth.guard';
import { ConversationsModule } from 'src/modules/conversations/conversations.module';
import { LeadsModule } from 'src/modules/leads/leads.module';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';
import { ConversationUpdateCoalescer } from './conversation-update-coalescer';
import { FirstResponseProcessor } from './first-response.processor';
import { FirstResponseService } from './first-response.service';
import { NotificationTriggersListener } from './notification-triggers.listener';
import { PresenceService } from './presence.service';
import { RealtimeEventsListener } from './realtime-events.listener';
import { RealtimePublisher } from './realtime-publisher';
import { RealtimeGateway } from './realtime.gateway';
import { SocketAuthService } from './socket-auth.service';

/**
 * The real-time feed (socket.io namespace /realtime over the Redis adapter) and the notifications that
 * domain events raise. Layer 6: it only listens and reads through the other modules' services.
 */
@Module({
  imports: [ConversationsModule, LeadsModule, NotificationsModule],
  // JwtAuthGuard: sockets are authenticated by the API's own guard (the passport `jwt` strategy of AuthModule).
  providers: [
    JwtAuthGuard,
    SocketAuthService,
    RealtimePublisher,
    RealtimeGateway,
    PresenceService,
    ConversationUpdateCoalescer,
    RealtimeEventsListener,
    NotificationTriggersListener,
    FirstResponseService,
    FirstResponseProcessor,
  ],
})
export class RealtimeModule {}
