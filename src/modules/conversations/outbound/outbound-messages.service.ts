import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DomainEvent } from 'src/common/events/domain-events';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { whatsappConfig } from 'src/config/whatsapp.config';
import { ContactsService } from 'src/modules/contacts/contacts.service';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { ConversationEntity, ConversationOwner } from '../conversation.entity';
import { MediaStatus, MessageDirection, MessageEntity, MessageSender, MessageStatus, MessageType } from '../message.entity';
import { changeOwner } from '../ownership/conversation-ownership';
import { OwnershipChangeReason } from '../ownership/ownership-event.entity';
import { OutboundErrorCode, OutboundException } from './outbound.exceptions';
import { sendJobOptions } from './send-jobs';

export interface OutboundMediaInput {
  url: string;
  mimetype: string;
  filename?: string;
  caption?: string;
}

export type OutboundInput = { text: string; media?: undefined } | { text?: undefined; media: OutboundMediaInput };

/**
 * Writes the message row first (`queued`), then enqueues its send job. If Redis is down the row stays
 * queued and the message sweeper enqueues it later: nothing a user sent is lost.
 */
@Injectable()
export class OutboundMessagesService {
  private readonly logger = new Logger(OutboundMessagesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contacts: ContactsService,
    private readonly queues: QueueService,
    private readonly events: EventEmitter2,
    @Inject(whatsappConfig.KEY) private readonly config: ConfigType<typeof whatsappConfig>,
  ) {}

  /** A secretary or admin writes to the patient; a human now owns the conversation, so the bot stays quiet. */
  async queueFromUser(actor: AuthUser, conversation: ConversationEntity, input: OutboundInput): Promise<MessageEntity> {
    const contact = await this.contacts.findVisible(actor.organizationId, conversation.contactId);
    if (contact?.blocked) throw new OutboundException(OutboundErrorCode.ContactBlocked, 'The patient is blocked; unblock them to send messages');
    let tookOver = false;
    const message = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(MessageEntity).save(
        manager.getRepository(MessageEntity).create({
          organizationId: actor.organizationId,
          conversationId: conversation.id,
          sessionId: conversation.sessionId,
          direction: MessageDirection.Outbound,
          sender: MessageSender.User,
          sentByUserId: actor.userId,
          automated: false,
          status: MessageStatus.Queued,
          occurredAt: new Date(),
          ...contentOf(input),
        }),
      );
      await manager.getRepository(ConversationEntity).update({ id: conversation.id, organizationId: actor.organizationId }, { lastMessageAt: saved.occurredAt });
      tookOver = await changeOwner(manager, {
        organizationId: actor.organizationId,
        conversationId: conversation.id,
        toOwnerType: ConversationOwner.Human,
        toUserId: actor.userId,
        reason: OwnershipChangeReason.UserReply,
        actorUserId: actor.userId,
      });
      return saved;
    });
    if (tookOver) this.events.emit(DomainEvent.ConversationUpdated, { organizationId: actor.organizationId, conversationId: conversation.id, changes: ['owner'] });
    await this.announceAndEnqueue(message);
    return message;
  }

  /**
   * An automated (bot) reply. Returns null, sending nothing, when the patient is blocked or opted out:
   * automated messages never reach them.
   */
  async queueFromBot(organizationId: string, conversation: ConversationEntity, text: string): Promise<MessageEntity | null> {
    const contact = await this.contacts.findVisible(organizationId, conversation.contactId);
    if (!contact || contact.blocked || contact.optedOut) return null;
    const message = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(MessageEntity).save(
        manager.getRepository(MessageEntity).create({
          organizationId,
          conversationId: conversation.id,
          sessionId: conversation.sessionId,
          direction: MessageDirection.Outbound,
          sender: MessageSender.Bot,
          automated: true,
          status: MessageStatus.Queued,
          occurredAt: new Date(),
          type: MessageType.Text,
          body: text,
        }),
      );
      await manager.getRepository(ConversationEntity).update({ id: conversation.id, organizationId }, { lastMessageAt: saved.occurredAt });
      return saved;
    });
    await this.announceAndEnqueue(message);
    return message;
  }

  /** A new outbound row has committed: tell listeners (the live feed), then queue its send. */
  async announceAndEnqueue(message: Pick<MessageEntity, 'id' | 'organizationId' | 'conversationId'>): Promise<void> {
    this.events.emit(DomainEvent.MessageCreated, { organizationId: message.organizationId, conversationId: message.conversationId, messageId: message.id, direction: 'outbound' });
    await this.enqueue(message);
  }

  async enqueue(message: Pick<MessageEntity, 'id' | 'organizationId'>): Promise<void> {
    if (!this.queues.isConnected()) {
      this.logger.warn({ messageId: message.id }, 'Redis unavailable; the message sweeper will enqueue the send');
      return;
    }
    try {
      await this.queues.enqueue(JobName.SendWhatsappMessage, { organizationId: message.organizationId, messageId: message.id }, sendJobOptions(this.config, message.id));
    } catch (error) {
      this.logger.warn({ err: error, messageId: message.id }, 'send job not enqueued; the message sweeper will retry');
    }
  }
}

function contentOf(input: OutboundInput): Partial<MessageEntity> {
  if (input.text !== undefined) return { type: MessageType.Text, body: input.text };
  const { media } = input;
  return {
    type: mediaTypeOf(media.mimetype),
    body: media.caption ?? null,
    mediaStatus: MediaStatus.Pending,
    mediaMimetype: media.mimetype,
    mediaFilename: media.filename ?? null,
    mediaSourceUrl: media.url,
  };
}

function mediaTypeOf(mimetype: string): MessageType {
  if (mimetype.startsWith('image/')) return MessageType.Image;
  if (mimetype.startsWith('video/')) return MessageType.Video;
  if (mimetype.startsWith('audio/')) return mimetype.includes('ogg') ? MessageType.Voice : MessageType.Audio;
  return MessageType.Document;
}
