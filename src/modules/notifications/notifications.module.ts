import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from 'src/modules/users/users.module';
import { NotificationEntity } from './notification.entity';
import { NotificationSettingsEntity } from './notification-settings.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** Per-user notifications and the organization's notification rules; created by the real-time module's listeners. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity, NotificationSettingsEntity]), UsersModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationsRepository],
  exports: [NotificationsService],
})
export class NotificationsModule {}
