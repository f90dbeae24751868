import { basename } from 'node:path';
import { Injectable, StreamableFile } from '@nestjs/common';
import { AuthUser } from 'src/common/auth/auth-user';
import { Page, toPage } from 'src/common/pagination';
import { validationFailed } from 'src/common/validation/validation';
import { ConversationEntity, ConversationStatus } from './conversation.entity';
import { ConversationsRepository, HistorySide } from './conversations.repository';
import { ConversationErrorCode, ConversationException, conversationNotFound } from './conversations.exceptions';
import { ConversationDetailDto, ConversationSummaryDto } from './dto/conversation-response.dto';
import { ListConversationsQueryDto } from './dto/list-conversations-query.dto';
import { ListMessagesQueryDto, MessagePageDto } from './dto/list-messages-query.dto';
import { decodeMessageCursor, encodeMessageCursor, MessageCursor } from './dto/message-cursor';
import { MessageResponseDto } from './dto/message-response.dto';
import { MAX_TEXT_LENGTH, SendMessageDto } from './dto/send-message.dto';
import { TemplatesService } from 'src/modules/templates/templates.service';
import { MediaStorage } from './media/media-storage';
import { MediaStatus } from './message.entity';
import { OutboundMessagesService } from './outbound/outbound-messages.service';

/** How many messages the conversation detail carries; older ones are paged through the messages endpoint. */
export const DETAIL_MESSAGE_COUNT = 50;

/** Reading conversations and their history, and a user's reply; the entry point other modules use. */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly repository: ConversationsRepository,
    private readonly outbound: OutboundMessagesService,
    private readonly storage: MediaStorage,
    private readonly templates: TemplatesService,
  ) {}

  async list(actor: AuthUser, query: ListConversationsQueryDto): Promise<Page<ConversationSummaryDto>> {
    const { rows, total } = await this.repository.listPage(actor, query, { offset: query.offset, limit: query.limit });
    return toPage(rows.map(ConversationSummaryDto.from), total, query);
  }

  async findOne(actor: AuthUser, id: string): Promise<ConversationDetailDto> {
    const detail = await this.repository.findDetail(actor, id);
    const contact = detail?.conversation.contact;
    if (!detail || !contact) throw conversationNotFound();
    const { conversation, unread } = detail;
    const latest = await this.repository.latestMessages(actor.organizationId, id, DETAIL_MESSAGE_COUNT + 1);
    const messages = latest.slice(0, DETAIL_MESSAGE_COUNT).reverse();
    return ConversationDetailDto.from(conversation, contact, messages, latest.length > DETAIL_MESSAGE_COUNT, unread);
  }

  /**
   * A page of history, newest first: older than `before`, newer than `after`, else the newest messages.
   * Each cursor is given only when messages lie beyond it, so a client stops at the first null.
   */
  async listMessages(actor: AuthUser, conversationId: string, query: ListMessagesQueryDto): Promise<MessagePageDto> {
    const conversation = await this.findVisible(actor, conversationId);
    const before = cursorParam('before', query.before);
    const after = cursorParam('after', query.after);
    const side: HistorySide = after ? 'newer' : 'older';
    const { items, hasMore } = await this.repository.historyPage(actor.organizationId, conversation.id, side, after ?? before, query.limit);
    const newestFirst = side === 'newer' ? items.reverse() : items;
    const newest = newestFirst[0]?.cursor ?? null;
    const oldest = newestFirst[newestFirst.length - 1]?.cursor ?? null;
    let nextCursor: MessageCursor | null;
    let prevCursor: MessageCursor | null;
    if (side === 'older') {
      nextCursor = hasMore ? oldest : null;
      // The first page (no cursor) is the newest one: nothing newer to point at.
      prevCursor = before ? await this.beyond(conversation, 'newer', newest ?? before) : null;
    } else {
      prevCursor = hasMore ? newest : null;
      nextCursor = await this.beyond(conversation, 'older', oldest ?? (after as MessageCursor));
    }
    return {
      items: newestFirst.map(({ message }) => MessageResponseDto.from(message)),
      next_cursor: nextCursor && encodeMessageCursor(nextCursor),
      prev_cursor: prevCursor && encodeMessageCursor(prevCursor),
    };
  }

  /** Queues a user's message; the conversation must be visible and not closed. */
  async send(actor: AuthUser, conversationId: string, dto: SendMessageDto): Promise<MessageResponseDto> {
    const conversation = await this.findVisible(actor, conversationId);
    if (conversation.status === ConversationStatus.Closed) {
      throw new ConversationException(ConversationErrorCode.Closed, 'The conversation is closed; reopen it to send messages');
    }
    const input = dto.template_id ? { text: await this.renderTemplate(actor, conversation.id, dto.template_id, dto.variables ?? {}) } : dto.toInput();
    return MessageResponseDto.from(await this.outbound.queueFromUser(actor, conversation, input));
  }

  private async renderTemplate(actor: AuthUser, conversationId: string, templateId: string, variables: Record<string, string>): Promise<string> {
    const withContact = await this.repository.findVisibleWithContact(actor, conversationId);
    const text = await this.templates.renderForPatient(actor, templateId, variables, withContact?.contact?.name ?? null);
    if (text.length > MAX_TEXT_LENGTH) {
      throw validationFailed([{ field: 'variables', errors: [`the rendered message must be at most ${MAX_TEXT_LENGTH} characters`] }]);
    }
    return text;
  }

  /** The stored file of a message whose conversation the caller can see. */
  async openMedia(actor: AuthUser, messageId: string): Promise<StreamableFile> {
    const message = await this.repository.findVisibleMessage(actor, messageId);
    if (!message) throw new ConversationException(ConversationErrorCode.MessageNotFound, 'Message not found');
    const stream = message.mediaStatus === MediaStatus.Stored && message.mediaStorageKey ? await this.storage.open(message.mediaStorageKey) : null;
    if (!message.mediaStorageKey || !stream) {
      throw new ConversationException(ConversationErrorCode.MediaNotAvailable, 'The message has no stored media (yet)', { media_status: message.mediaStatus });
    }
    return new StreamableFile(stream, {
      type: message.mediaMimetype ?? 'application/octet-stream',
      length: message.mediaSize ?? undefined,
      disposition: inlineDisposition(message.mediaFilename ?? basename(message.mediaStorageKey)),
    });
  }

  /** The conversation if the caller may see it; 404 CONVERSATION_NOT_FOUND otherwise (missing, other clinic, other secretary). */
  async findVisible(actor: AuthUser, id: string): Promise<ConversationEntity> {
    const conversation = await this.repository.findVisible(actor, id);
    if (!conversation) throw conversationNotFound();
    return conversation;
  }

  /** For jobs and other modules, which carry the organization explicitly; null when absent. */
  findById(organizationId: string, id: string): Promise<ConversationEntity | null> {
    return this.repository.findById(organizationId, id);
  }

  /** When the conversation's first message was sent or received (a lead's journey starts there); null without messages. */
  async firstMessageAt(organizationId: string, conversationId: string): Promise<Date | null> {
    const { items } = await this.repository.historyPage(organizationId, conversationId, 'newer', null, 1);
    return items[0]?.message.occurredAt ?? null;
  }

  private async beyond(conversation: ConversationEntity, side: HistorySide, anchor: MessageCursor): Promise<MessageCursor | null> {
    return (await this.repository.hasMessagesBeyond(conversation.organizationId, conversation.id, side, anchor)) ? anchor : null;
  }
}

function cursorParam(field: 'before' | 'after', raw: string | undefined): MessageCursor | null {
  if (raw === undefined) return null;
  const cursor = decodeMessageCursor(raw);
  if (!cursor) throw validationFailed([{ field, errors: [`${field} must be a cursor returned by this endpoint`] }]);
  return cursor;
}

/**
 * `inline; filename="…"` with a plain-ASCII fallback name, plus RFC 6266's `filename*` when the real name
 * has other characters. Quotes, backslashes, slashes and control characters never reach the header.
 */
export function inlineDisposition(filename: string): string {
  const clean = filename.replace(/[\u0000-\u001f\u007f-\u009f"\\/]/g, '_').trim().slice(0, 255) || 'file';
  const ascii = clean
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
  if (ascii === clean) return `inline; filename="${ascii}"`;
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
