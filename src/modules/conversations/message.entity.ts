import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from 'src/modules/organizations/tenant-owned.entity';
import { ConversationEntity } from './conversation.entity';

export enum MessageDirection {
  Inbound = 'inbound',
  Outbound = 'outbound',
}

export enum MessageType {
  Text = 'text',
  Image = 'image',
  Audio = 'audio',
  Voice = 'voice',
  Video = 'video',
  Document = 'document',
  Location = 'location',
  ContactCard = 'contact_card',
  Sticker = 'sticker',
  Unknown = 'unknown',
}

/** Who wrote it: the patient, the bot, a user through the API, or staff on the clinic's own phone. */
export enum MessageSender {
  Patient = 'patient',
  Bot = 'bot',
  User = 'user',
  ClinicPhone = 'clinic_phone',
}

/** `received` for inbound; outbound follows queued → sending → sent → delivered → read → played, or failed. */
export enum MessageStatus {
  Received = 'received',
  Queued = 'queued',
  Sending = 'sending',
  Pending = 'pending',
  Sent = 'sent',
  Delivered = 'delivered',
  Read = 'read',
  Played = 'played',
  Failed = 'failed',
}

export enum MediaStatus {
  Pending = 'pending',
  Stored = 'stored',
  Failed = 'failed',
  Rejected = 'rejected',
}

export interface MessageLocation {
  latitude: number;
  longitude: number;
  name: string | null;
  address: string | null;
}

@Entity({ name: 'messages' })
@Check('CHK_messages_direction', `"direction" IN ('inbound', 'outbound')`)
// WhatsApp's key id identifies a message whatever chat id (@c.us or @lid) it was delivered under.
@Index('UQ_messages_org_session_key', ['organizationId', 'sessionId', 'wahaKeyId'], {
  unique: true,
  where: '"waha_key_id" IS NOT NULL',
})
@Index('IDX_messages_org_conversation_occurred', ['organizationId', 'conversationId', 'occurredAt', 'id'])
@Index('IDX_messages_org_status_created', ['organizationId', 'status', 'createdAt'])
// The message sweeper looks across organizations for sends and downloads whose job was lost; both stay tiny.
@Index('IDX_messages_queued_created', ['createdAt'], { where: `"status" = 'queued'` })
@Index('IDX_messages_media_pending_created', ['createdAt'], { where: `"media_status" = 'pending'` })
@Index('IDX_messages_org_body_search', { synchronize: false }) // GIN over (organization_id, body_search), by hand in AddMessageSearchVector
@Index('IDX_messages_org_occurred', { synchronize: false }) // (organization_id, occurred_at DESC, id DESC): search walks it newest first
export class MessageEntity extends TenantOwnedEntity {
  @Column('uuid') conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  @Column('uuid') sessionId!: string;
  @Column({ type: 'varchar', length: 8 }) direction!: MessageDirection;
  @Column({ type: 'varchar', length: 16 }) type!: MessageType;
  @Column({ type: 'varchar', length: 16 }) sender!: MessageSender;
  @Column({ type: 'uuid', nullable: true }) sentByUserId!: string | null;
  /** Bot messages are automated: never sent to blocked or opted-out contacts. */
  @Column({ type: 'boolean', default: false }) automated!: boolean;
  /** Why the bot wrote it (reply, handoff, opt_out_confirmation…); some kinds pass rules a plain reply does not. */
  @Column({ type: 'varchar', length: 32, nullable: true }) automationKind!: string | null;
  @Column({ type: 'text', nullable: true }) body!: string | null;
  /** The body's Portuguese lexemes for search, kept by a trigger (AddMessageSearchVector); never read or written here. */
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false }) bodySearch!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) wahaMessageId!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) wahaKeyId!: string | null;
  @Column({ type: 'varchar', length: 12 }) status!: MessageStatus;
  /** Highest WAHA ack seen (acks arrive out of order). */
  @Column({ type: 'smallint', nullable: true }) ack!: number | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) failureReason!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) replyToWahaId!: string | null;
  /** WhatsApp's timestamp for received messages, our creation time for sent ones: the history order. */
  @Column({ type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'jsonb', nullable: true }) location!: MessageLocation | null;
  @Column({ type: 'jsonb', nullable: true }) vcards!: string[] | null;
  @Column({ type: 'varchar', length: 12, nullable: true }) mediaStatus!: MediaStatus | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) mediaMimetype!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) mediaFilename!: string | null;
  @Column({ type: 'int', nullable: true }) mediaSize!: number | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) mediaStorageKey!: string | null;
  /** WAHA's link for received media, or the URL a user asked us to send. */
  @Column({ type: 'text', nullable: true }) mediaSourceUrl!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) mediaError!: string | null;
  @Column({ type: 'int', default: 0 }) sendAttempts!: number;
  @Column({ type: 'timestamptz', nullable: true }) sendStartedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}
