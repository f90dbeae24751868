import { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { ConversationEntity, ConversationOwner, ConversationStatus } from './conversation.entity';
import { ConversationsRepository, PositionedMessage } from './conversations.repository';
import { ConversationsService, inlineDisposition } from './conversations.service';
import { ListMessagesQueryDto } from './dto/list-messages-query.dto';
import { decodeMessageCursor, encodeMessageCursor } from './dto/message-cursor';
import { SendMessageDto } from './dto/send-message.dto';
import { MediaStorage } from './media/media-storage';
import { MediaStatus, MessageDirection, MessageEntity, MessageSender, MessageStatus, MessageType } from './message.entity';
import { OutboundMessagesService } from './outbound/outbound-messages.service';
import { TemplatesService } from 'src/modules/templates/templates.service';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const conversationId = '7a1f3c5e-2b4d-4f6a-8c0e-1d3f5b7a9c2e';
const secretary: AuthUser = { userId: 'secretary-id', organizationId, role: Role.Secretary, jti: 'j', sessionId: 's', tokenExpiresAt: 1 };

function conversationFactory(overrides: Partial<ConversationEntity> = {}): ConversationEntity {
  return Object.assign(new ConversationEntity(), {
    id: conversationId,
    organizationId,
    contactId: 'contact-id',
    sessionId: 'session-id',
    chatId: '5511987654321@c.us',
    status: ConversationStatus.Active,
    ownerType: ConversationOwner.Bot,
    ownerUserId: null,
    assignedToId: null,
    lastMessageAt: new Date('2026-11-22T12:00:00Z'),
    createdAt: new Date('2026-11-20T12:00:00Z'),
    updatedAt: new Date('2026-11-22T12:00:00Z'),
    ...overrides,
  });
}

function messageFactory(n: number, overrides: Partial<MessageEntity> = {}): MessageEntity {
  return Object.assign(new MessageEntity(), {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    organizationId,
    conversationId,
    sessionId: 'session-id',
    direction: MessageDirection.Inbound,
    type: MessageType.Text,
    sender: MessageSender.Patient,
    sentByUserId: null,
    automated: false,
    body: `mensagem ${n}`,
    status: MessageStatus.Received,
    ack: null,
    failureReason: null,
    wahaMessageId: null,
    replyToWahaId: null,
    occurredAt: new Date(Date.UTC(2026, 10, 22, 12, 0, n)),
    sentAt: null,
    revokedAt: null,
    location: null,
    vcards: null,
    mediaStatus: null,
    mediaMimetype: null,
    mediaFilename: null,
    mediaSize: null,
    mediaStorageKey: null,
    mediaError: null,
    createdAt: new Date(Date.UTC(2026, 10, 22, 12, 0, n)),
    ...overrides,
  });
}

function positioned(n: number): PositionedMessage {
  const message = messageFactory(n);
  return { message, cursor: { occurredAt: message.occurredAt.toISOString().replace('Z', '000Z'), id: message.id } };
}

function query(fields: Partial<ListMessagesQueryDto> = {}): ListMessagesQueryDto {
  return Object.assign(new ListMessagesQueryDto(), fields);
}

describe(ConversationsService.name, () => {
  let sut: ConversationsService;
  let repository: jest.Mocked<
    Pick<ConversationsRepository, 'findVisible' | 'findVisibleWithContact' | 'latestMessages' | 'historyPage' | 'hasMessagesBeyond' | 'findVisibleMessage'>
  >;
  let outbound: jest.Mocked<Pick<OutboundMessagesService, 'queueFromUser'>>;
  let storage: jest.Mocked<Pick<MediaStorage, 'open'>>;
  let templates: jest.Mocked<Pick<TemplatesService, 'renderForPatient'>>;

  beforeEach(() => {
    repository = {
      findVisible: jest.fn().mockResolvedValue(conversationFactory()),
      findVisibleWithContact: jest.fn(),
      latestMessages: jest.fn(),
      historyPage: jest.fn(),
      hasMessagesBeyond: jest.fn(),
      findVisibleMessage: jest.fn(),
    };
    outbound = { queueFromUser: jest.fn() };
    storage = { open: jest.fn() };
    templates = { renderForPatient: jest.fn() };
    sut = new ConversationsService(
      repository as unknown as ConversationsRepository,
      outbound as unknown as OutboundMessagesService,
      storage as unknown as MediaStorage,
      templates as unknown as TemplatesService,
    );
  });

  describe('findVisible', () => {
    it('should throw CONVERSATION_NOT_FOUND when the conversation is out of scope', async () => {
      repository.findVisible.mockResolvedValue(null);
      await expect(sut.findVisible(secretary, conversationId)).rejects.toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
      expect(repository.findVisible).toHaveBeenCalledWith(secretary, conversationId);
    });
  });

  describe('listMessages', () => {
    it('should answer the newest page with a next cursor and no previous one', async () => {
      repository.historyPage.mockResolvedValue({ items: [positioned(3), positioned(2)], hasMore: true });

      const page = await sut.listMessages(secretary, conversationId, query({ limit: 2 }));

      expect(repository.historyPage).toHaveBeenCalledWith(organizationId, conversationId, 'older', null, 2);
      expect(page.items.map((item) => item.body)).toEqual(['mensagem 3', 'mensagem 2']);
      expect(decodeMessageCursor(page.next_cursor)).toEqual(positioned(2).cursor);
      expect(page.prev_cursor).toBeNull();
      expect(repository.hasMessagesBeyond).not.toHaveBeenCalled();
    });

    it('should end the walk back with a null next cursor and point forward from the newest item', async () => {
      repository.historyPage.mockResolvedValue({ items: [positioned(1)], hasMore: false });
      repository.hasMessagesBeyond.mockResolvedValue(true);

      const page = await sut.listMessages(secretary, conversationId, query({ before: encodeMessageCursor(positioned(2).cursor) }));

      expect(repository.historyPage).toHaveBeenCalledWith(organizationId, conversationId, 'older', positioned(2).cursor, 50);
      expect(page.next_cursor).toBeNull();
      expect(repository.hasMessagesBeyond).toHaveBeenCalledWith(organizationId, conversationId, 'newer', positioned(1).cursor);
      expect(decodeMessageCursor(page.prev_cursor)).toEqual(positioned(1).cursor);
    });

    it('should read forward nearest first but answer newest first', async () => {
      repository.historyPage.mockResolvedValue({ items: [positioned(2), positioned(3)], hasMore: true });
      repository.hasMessagesBeyond.mockResolvedValue(true);

      const page = await sut.listMessages(secretary, conversationId, query({ after: encodeMessageCursor(positioned(1).cursor), limit: 2 }));

      expect(repository.historyPage).toHaveBeenCalledWith(organizationId, conversationId, 'newer', positioned(1).cursor, 2);
      expect(page.items.map((item) => item.body)).toEqual(['mensagem 3', 'mensagem 2']);
      expect(decodeMessageCursor(page.prev_cursor)).toEqual(positioned(3).cursor);
      expect(repository.hasMessagesBeyond).toHaveBeenCalledWith(organizationId, conversationId, 'older', positioned(2).cursor);
      expect(decodeMessageCursor(page.next_cursor)).toEqual(positioned(2).cursor);
    });

    it('should answer null cursors for an empty conversation', async () => {
      repository.historyPage.mockResolvedValue({ items: [], hasMore: false });
      await expect(sut.listMessages(secretary, conversationId, query())).resolves.toEqual({ items: [], next_cursor: null, prev_cursor: null });
    });

    it('should throw VALIDATION_FAILED for a cursor that slipped past validation', async () => {
      await expect(sut.listMessages(secretary, conversationId, query({ before: 'bogus' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('should not read history of a conversation out of scope', async () => {
      repository.findVisible.mockResolvedValue(null);
      await expect(sut.listMessages(secretary, conversationId, query())).rejects.toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
      expect(repository.historyPage).not.toHaveBeenCalled();
    });
  });

  describe('send', () => {
    const text = Object.assign(new SendMessageDto(), { text: 'Bom dia!' });

    it('should throw CONVERSATION_CLOSED without queueing anything when the conversation is closed', async () => {
      repository.findVisible.mockResolvedValue(conversationFactory({ status: ConversationStatus.Closed }));
      await expect(sut.send(secretary, conversationId, text)).rejects.toMatchObject({ code: 'CONVERSATION_CLOSED' });
      expect(outbound.queueFromUser).not.toHaveBeenCalled();
    });

    it('should queue the text through the outbound service and answer the queued message', async () => {
      const conversation = conversationFactory();
      repository.findVisible.mockResolvedValue(conversation);
      outbound.queueFromUser.mockResolvedValue(messageFactory(9, { direction: MessageDirection.Outbound, status: MessageStatus.Queued, body: 'Bom dia!' }));

      const sent = await sut.send(secretary, conversationId, text);

      expect(outbound.queueFromUser).toHaveBeenCalledWith(secretary, conversation, { text: 'Bom dia!' });
      expect(sent).toMatchObject({ status: 'queued', body: 'Bom dia!', media: null });
    });

    it('should pass media on as the outbound input', async () => {
      outbound.queueFromUser.mockResolvedValue(messageFactory(9));
      const media = { url: 'https://example.com/a.pdf', mimetype: 'application/pdf', filename: 'a.pdf', caption: undefined };
      await sut.send(secretary, conversationId, Object.assign(new SendMessageDto(), { media }));
      expect(outbound.queueFromUser).toHaveBeenCalledWith(secretary, expect.anything(), { media });
    });

    it('should render a template with the patient’s name and queue the text', async () => {
      const templateId = '2e4f6a8c-0e1d-4c3b-9a5f-7d9b1c3e5a7f';
      repository.findVisibleWithContact.mockResolvedValue(Object.assign(conversationFactory(), { contact: { name: 'Maria Souza' } }) as never);
      templates.renderForPatient.mockResolvedValue('Olá Maria Souza, até 25/11!');
      outbound.queueFromUser.mockResolvedValue(messageFactory(9));

      await sut.send(secretary, conversationId, Object.assign(new SendMessageDto(), { template_id: templateId, variables: { data: '25/11' } }));

      expect(templates.renderForPatient).toHaveBeenCalledWith(secretary, templateId, { data: '25/11' }, 'Maria Souza');
      expect(outbound.queueFromUser).toHaveBeenCalledWith(secretary, expect.anything(), { text: 'Olá Maria Souza, até 25/11!' });
    });

    it('should refuse a rendered template longer than WhatsApp allows without queueing it', async () => {
      repository.findVisibleWithContact.mockResolvedValue(null);
      templates.renderForPatient.mockResolvedValue('a'.repeat(4097));
      const dto = Object.assign(new SendMessageDto(), { template_id: '2e4f6a8c-0e1d-4c3b-9a5f-7d9b1c3e5a7f' });
      await expect(sut.send(secretary, conversationId, dto)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(outbound.queueFromUser).not.toHaveBeenCalled();
    });
  });

  describe('openMedia', () => {
    const stored = { mediaStatus: MediaStatus.Stored, mediaStorageKey: `${organizationId}/m.jpg`, mediaMimetype: 'image/jpeg', mediaSize: 3, mediaFilename: 'foto "1".jpg' };

    it('should throw MESSAGE_NOT_FOUND when the message is not visible', async () => {
      repository.findVisibleMessage.mockResolvedValue(null);
      await expect(sut.openMedia(secretary, 'message-id')).rejects.toMatchObject({ code: 'MESSAGE_NOT_FOUND' });
    });

    it('should throw MEDIA_NOT_AVAILABLE while the file is still pending, without touching storage', async () => {
      repository.findVisibleMessage.mockResolvedValue(messageFactory(1, { mediaStatus: MediaStatus.Pending, mediaMimetype: 'image/jpeg' }));
      await expect(sut.openMedia(secretary, 'message-id')).rejects.toMatchObject({ code: 'MEDIA_NOT_AVAILABLE' });
      expect(storage.open).not.toHaveBeenCalled();
    });

    it('should throw MEDIA_NOT_AVAILABLE when the stored file is gone', async () => {
      repository.findVisibleMessage.mockResolvedValue(messageFactory(1, stored));
      storage.open.mockResolvedValue(null);
      await expect(sut.openMedia(secretary, 'message-id')).rejects.toMatchObject({ code: 'MEDIA_NOT_AVAILABLE' });
    });

    it('should stream the file with its type, size and a safe inline name', async () => {
      repository.findVisibleMessage.mockResolvedValue(messageFactory(1, stored));
      storage.open.mockResolvedValue(Readable.from([Buffer.from('abc')]));

      const file = await sut.openMedia(secretary, 'message-id');

      expect(file).toBeInstanceOf(StreamableFile);
      expect(file.getHeaders()).toEqual({ type: 'image/jpeg', length: 3, disposition: 'inline; filename="foto _1_.jpg"' });
    });

    it('should fall back to the storage key’s name when the file has none', async () => {
      repository.findVisibleMessage.mockResolvedValue(messageFactory(1, { ...stored, mediaFilename: null }));
      storage.open.mockResolvedValue(Readable.from([Buffer.from('abc')]));
      expect((await sut.openMedia(secretary, 'message-id')).getHeaders().disposition).toBe('inline; filename="m.jpg"');
    });
  });
});

describe('inlineDisposition', () => {
  it.each([
    ['exame.pdf', 'inline; filename="exame.pdf"'],
    ['a"b\\c/d.pdf', 'inline; filename="a_b_c_d.pdf"'],
    ['linha\r\nSet-Cookie: x.pdf', 'inline; filename="linha__Set-Cookie: x.pdf"'],
    ['', 'inline; filename="file"'],
    ['exame-joão.pdf', `inline; filename="exame-joao.pdf"; filename*=UTF-8''exame-jo%C3%A3o.pdf`],
    ['раздел (1).pdf', `inline; filename="______ (1).pdf"; filename*=UTF-8''%D1%80%D0%B0%D0%B7%D0%B4%D0%B5%D0%BB%20%281%29.pdf`],
  ])('should turn %j into %s', (name, header) => {
    expect(inlineDisposition(name)).toBe(header);
  });
});
