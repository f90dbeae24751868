import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { whatsappConfig } from 'src/config/whatsapp.config';
import { ContactsService } from 'src/modules/contacts/contacts.service';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { WahaClient } from 'src/modules/waha/client/waha.client';
import { isWahaError } from 'src/modules/waha/client/waha.errors';
import { WhatsappSessionsService } from 'src/modules/waha/sessions/whatsapp-sessions.service';
import { SENT_DESPITE_HUMAN_OWNER, SENT_DESPITE_OPT_OUT } from '../bot-turns/automation-kind';
import { ConversationEntity, ConversationOwner } from '../conversation.entity';
import { MessageEntity, MessageStatus } from '../message.entity';
import { keyIdOf } from '../inbound/waha-message.mapper';
import { ACK_STATUS } from '../inbound/message-insert';
import { sendThroughWaha } from './waha-send';
import { SendGovernor } from './send-governor';

export type SendResult = { kind: 'done'; status: MessageStatus } | { kind: 'wait'; ms: number };

// How far back a retry looks in the chat for a copy the previous attempt may already have delivered.
const RECENT_MESSAGES_CHECKED = 20;
const CLOCK_SKEW_MS = 5_000;

/** Sends one queued message through WAHA, at most once, within the number's send budget. */
@Injectable()
export class OutboundSenderService {
  private readonly logger = new Logger(OutboundSenderService.name);

  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    private readonly contacts: ContactsService,
    private readonly sessions: WhatsappSessionsService,
    private readonly organizations: OrganizationsService,
    private readonly waha: WahaClient,
    private readonly governor: SendGovernor,
    @Inject(whatsappConfig.KEY) private readonly config: ConfigType<typeof whatsappConfig>,
  ) {}

  async send(organizationId: string, messageId: string): Promise<SendResult> {
    const message = await this.messages.findOneBy({ id: messageId, organizationId });
    if (!message || !(message.status === MessageStatus.Queued || message.status === MessageStatus.Sending)) {
      return { kind: 'done', status: message?.status ?? MessageStatus.Failed };
    }
    const conversation = await this.conversations.findOneByOrFail({ id: message.conversationId, organizationId });
    const session = await this.sessions.findById(organizationId, conversation.sessionId);
    const contact = await this.contacts.findVisible(organizationId, conversation.contactId);
    if (!session) return this.fail(message, 'the WhatsApp number was removed');
    if (!contact || contact.blocked) return this.fail(message, 'the patient is blocked or was deleted');
    if (message.automated && contact.optedOut && !SENT_DESPITE_OPT_OUT.has(message.automationKind ?? '')) {
      return this.fail(message, 'the patient opted out of automated messages');
    }
    if (!this.botMaySend(message, conversation)) return this.fail(message, 'a person took over the conversation');

    // The previous attempt may have reached WAHA before dying (timeout, crash): look before sending twice.
    if (message.status === MessageStatus.Sending && (await this.adoptEarlierCopy(message, session.name, conversation.chatId))) {
      return { kind: 'done', status: MessageStatus.Sent };
    }
    const wait = await this.governor.take(session.id, conversation.id, this.governor.budgetOf(await this.organizations.getMessagingSettings(organizationId)));
    if (wait > 0) return { kind: 'wait', ms: wait };

    await this.messages.update({ id: message.id }, { status: MessageStatus.Sending, sendStartedAt: new Date(), sendAttempts: () => 'send_attempts + 1' });
    if (message.automated && this.governor.typingMs(message.body) > 0) {
      await this.showTyping(session.name, conversation.chatId, message.body);
      // Typing takes seconds: a secretary may have taken over meanwhile, and then the bot must not speak.
      const current = await this.conversations.findOneByOrFail({ id: conversation.id, organizationId });
      if (!this.botMaySend(message, current)) return this.fail(message, 'a person took over the conversation');
    }
    const result = await sendThroughWaha(this.waha, session.name, conversation.chatId, message);
    const status = result.ack === null ? MessageStatus.Pending : (ACK_STATUS[result.ack] ?? MessageStatus.Pending);
    await this.messages.update(
      { id: message.id },
      { status, ack: result.ack, wahaMessageId: result.id, wahaKeyId: result.id ? keyIdOf(result.id) : null, sentAt: new Date(), failureReason: null },
    );
    this.logger.log({ messageId: message.id, status }, 'message sent');
    return { kind: 'done', status };
  }

  private botMaySend(message: MessageEntity, conversation: ConversationEntity): boolean {
    if (!message.automated || conversation.ownerType !== ConversationOwner.Human) return true;
    return SENT_DESPITE_HUMAN_OWNER.has(message.automationKind ?? '');
  }

  /** Marks the message failed with a reason the API shows. */
  async fail(message: Pick<MessageEntity, 'id'>, reason: string): Promise<SendResult> {
    await this.messages.update({ id: message.id, status: In([MessageStatus.Queued, MessageStatus.Sending]) }, { status: MessageStatus.Failed, failureReason: reason.slice(0, 500) });
    this.logger.warn({ messageId: message.id, reason }, 'message not sent');
    return { kind: 'done', status: MessageStatus.Failed };
  }

  async failById(organizationId: string, messageId: string, reason: string): Promise<void> {
    await this.messages.update(
      { id: messageId, organizationId, status: In([MessageStatus.Queued, MessageStatus.Sending]) },
      { status: MessageStatus.Failed, failureReason: reason.slice(0, 500) },
    );
  }

  private async adoptEarlierCopy(message: MessageEntity, session: string, chatId: string): Promise<boolean> {
    const recent = await this.waha.getChatMessages(session, chatId, { limit: RECENT_MESSAGES_CHECKED, fromMe: true });
    const startedAt = (message.sendStartedAt?.getTime() ?? 0) - CLOCK_SKEW_MS;
    const copy = recent.find((sent) => sent.fromMe && (sent.body ?? null) === (message.body ?? null) && Number(sent.timestamp) * 1000 >= startedAt);
    if (!copy) return false;
    await this.messages.update(
      { id: message.id },
      { status: MessageStatus.Sent, wahaMessageId: copy.id, wahaKeyId: keyIdOf(copy.id), sentAt: new Date(Number(copy.timestamp) * 1000) },
    );
    this.logger.log({ messageId: message.id }, 'earlier attempt had delivered the message; not sending again');
    return true;
  }

  private async showTyping(session: string, chatId: string, text: string | null): Promise<void> {
    const ms = this.governor.typingMs(text);
    if (ms <= 0) return;
    try {
      await this.waha.startTyping({ session, chatId });
      await sleep(ms);
      await this.waha.stopTyping({ session, chatId });
    } catch (error) {
      // The indicator is cosmetic; the message itself still goes out.
      this.logger.debug({ err: isWahaError(error) ? error.message : error }, 'typing indicator failed');
    }
  }
}
