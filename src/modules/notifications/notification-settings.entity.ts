import { Check, Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';

export const DEFAULT_FIRST_RESPONSE_TARGET_MINUTES = 15;

/** Per-organization notification rules; an organization without a row uses the defaults. */
@Entity({ name: 'notification_settings' })
@Check('CHK_notification_settings_target', `"first_response_target_minutes" BETWEEN 1 AND 1440`)
@Index('UQ_notification_settings_org', ['organizationId'], { unique: true })
export class NotificationSettingsEntity extends TenantOwnedEntity {
  /** How long an item may wait in the queue before staff are told it is overdue. */
  @Column({ type: 'int', default: DEFAULT_FIRST_RESPONSE_TARGET_MINUTES }) firstResponseTargetMinutes!: number;
}
