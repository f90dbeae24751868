import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { DomainEvent, NotificationCreatedEvent } from 'src/common/events/domain-events';
import { Page, toPage } from 'src/common/pagination';
import { UsersService } from 'src/modules/users/users.service';
import { ListNotificationsQueryDto } from './dto/list-notifications-query.dto';
import { NotificationResponseDto, ReadAllResponseDto, UnreadCountResponseDto } from './dto/notification-response.dto';
import { NotificationSettingsResponseDto, UpdateNotificationSettingsDto } from './dto/notification-settings.dto';
import { NotificationEntity } from './notification.entity';
import { DEFAULT_FIRST_RESPONSE_TARGET_MINUTES } from './notification-settings.entity';
import { notificationNotFound } from './notifications.exceptions';
import { NewNotification, NotificationAudience, NotificationsRepository } from './notifications.repository';

/** A user's own notifications, and the entry point the event listeners and jobs use to create them. */
/** Who works the queue: staff notified when an item is nobody's yet. */
const STAFF_ROLES = [Role.Admin, Role.Secretary];

@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly events: EventEmitter2,
    private readonly users: UsersService,
  ) {}

  /**
   * Creates the notification for each recipient still active in the organization and emits
   * `notification.created` per row (the insert autocommits, so listeners see committed rows). Returns the ids.
   */
  async notify(organizationId: string, audience: NotificationAudience, notification: NewNotification): Promise<string[]> {
    if ('userIds' in audience && audience.userIds.length === 0) return [];
    const recipients = await this.users.activeRecipients(organizationId, 'userIds' in audience ? { userIds: audience.userIds } : { roles: STAFF_ROLES });
    const created = await this.repository.insertFor(organizationId, recipients, notification);
    for (const row of created) {
      const payload: NotificationCreatedEvent = { organizationId, notificationId: row.id, userId: row.userId };
      this.events.emit(DomainEvent.NotificationCreated, payload);
    }
    return created.map((row) => row.id);
  }

  /** For the real-time feed, which carries the organization explicitly; null when absent. */
  findById(organizationId: string, id: string): Promise<NotificationEntity | null> {
    return this.repository.findById(organizationId, id);
  }

  async list(actor: AuthUser, query: ListNotificationsQueryDto): Promise<Page<NotificationResponseDto>> {
    const [rows, total] = await this.repository.page(actor.organizationId, actor.userId, query.unread === true, query.offset, query.limit);
    return toPage(rows.map(NotificationResponseDto.from), total, query);
  }

  // Another user's notification is a 404 like a missing one: ids of colleagues' notifications never leak.
  async markRead(actor: AuthUser, id: string): Promise<NotificationResponseDto> {
    await this.repository.markRead(actor.organizationId, actor.userId, id);
    const notification = await this.repository.findOwn(actor.organizationId, actor.userId, id);
    if (!notification) throw notificationNotFound();
    return NotificationResponseDto.from(notification);
  }

  async markAllRead(actor: AuthUser): Promise<ReadAllResponseDto> {
    return { updated: await this.repository.markAllRead(actor.organizationId, actor.userId) };
  }

  async unreadCount(actor: AuthUser): Promise<UnreadCountResponseDto> {
    return { unread: await this.repository.countUnread(actor.organizationId, actor.userId) };
  }

  async getSettings(actor: AuthUser): Promise<NotificationSettingsResponseDto> {
    return { first_response_target_minutes: await this.firstResponseTargetMinutes(actor.organizationId) };
  }

  async updateSettings(actor: AuthUser, dto: UpdateNotificationSettingsDto): Promise<NotificationSettingsResponseDto> {
    await this.repository.upsertSettings(actor.organizationId, dto.first_response_target_minutes);
    return this.getSettings(actor);
  }

  async firstResponseTargetMinutes(organizationId: string): Promise<number> {
    const settings = await this.repository.findSettings(organizationId);
    return settings?.firstResponseTargetMinutes ?? DEFAULT_FIRST_RESPONSE_TARGET_MINUTES;
  }
}
