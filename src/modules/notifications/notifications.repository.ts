import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { NotificationData, NotificationEntity, NotificationPriority, NotificationType } from './notification.entity';
import { NotificationSettingsEntity } from './notification-settings.entity';

export interface NewNotification {
  type: NotificationType;
  title: string;
  body: string;
  data: NotificationData;
  priority?: NotificationPriority;
  /** At most one unread notification per user and key: a repeat while unread creates nothing. */
  dedupeKey?: string;
  /** With `dedupeKey`: never again for this key, even after it was read ("once per item"). */
  once?: boolean;
}

/** Who receives it: given users, or the staff who work the queue (active admins and secretaries). */
export type NotificationAudience = { userIds: string[] } | { staff: true };

export interface CreatedNotification {
  id: string;
  userId: string;
}

@Injectable()
export class NotificationsRepository {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    @InjectRepository(NotificationSettingsEntity) private readonly settings: Repository<NotificationSettingsEntity>,
  ) {}

  /**
   * One set-based insert per audience. Recipients are read from `users` in the same statement, filtered by
   * the organization and `is_active`, so an id from another clinic or a deactivated user gets nothing.
   */
  /**
   * One set-based insert for the given recipients (already checked to be active users of the organization).
   * A repeat of an unread notification with the same dedupe key creates nothing.
   */
  async insertFor(organizationId: string, userIds: string[], notification: NewNotification): Promise<CreatedNotification[]> {
    if (userIds.length === 0) return [];
    const once = notification.once && notification.dedupeKey
      ? 'WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.organization_id = $1 AND n.user_id = r.id AND n.dedupe_key = $7::varchar)'
      : '';
    const rows: { id: string; user_id: string }[] = await this.notifications.query(
      `INSERT INTO notifications (organization_id, user_id, type, title, body, data, priority, dedupe_key)
       SELECT $1, r.id, $2, $3, $4, $5::jsonb, $6, $7::varchar
         FROM unnest($8::uuid[]) AS r(id) ${once}
       ON CONFLICT (organization_id, user_id, dedupe_key) WHERE dedupe_key IS NOT NULL AND read_at IS NULL DO NOTHING
       RETURNING id, user_id`,
      [
        organizationId,
        notification.type,
        notification.title.slice(0, 160),
        notification.body.slice(0, 500),
        JSON.stringify(notification.data),
        notification.priority ?? NotificationPriority.Normal,
        notification.dedupeKey ?? null,
        userIds,
      ],
    );
    return rows.map((row) => ({ id: row.id, userId: row.user_id }));
  }

  async page(organizationId: string, userId: string, unreadOnly: boolean, offset: number, limit: number): Promise<[NotificationEntity[], number]> {
    const where = { organizationId, userId, ...(unreadOnly ? { readAt: IsNull() } : {}) };
    return this.notifications.findAndCount({ where, order: { createdAt: 'DESC', id: 'DESC' }, skip: offset, take: limit });
  }

  findOwn(organizationId: string, userId: string, id: string): Promise<NotificationEntity | null> {
    return this.notifications.findOneBy({ id, organizationId, userId });
  }

  findById(organizationId: string, id: string): Promise<NotificationEntity | null> {
    return this.notifications.findOneBy({ id, organizationId });
  }

  async markRead(organizationId: string, userId: string, id: string): Promise<void> {
    await this.notifications.update({ id, organizationId, userId, readAt: IsNull() }, { readAt: () => 'now()' });
  }

  async markAllRead(organizationId: string, userId: string): Promise<number> {
    const result = await this.notifications.update({ organizationId, userId, readAt: IsNull() }, { readAt: () => 'now()' });
    return result.affected ?? 0;
  }

  countUnread(organizationId: string, userId: string): Promise<number> {
    return this.notifications.countBy({ organizationId, userId, readAt: IsNull() });
  }

  findSettings(organizationId: string): Promise<NotificationSettingsEntity | null> {
    return this.settings.findOneBy({ organizationId });
  }

  async upsertSettings(organizationId: string, firstResponseTargetMinutes: number): Promise<void> {
    await this.settings.upsert({ organizationId, firstResponseTargetMinutes }, { conflictPaths: ['organizationId'] });
  }
}
