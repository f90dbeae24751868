import { randomInt, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Response, Test } from 'supertest';
import { ContactEntity, ContactSource } from 'src/modules/contacts/contact.entity';
import { ConversationEntity, ConversationStatus } from 'src/modules/conversations/conversation.entity';
import { MediaStorage } from 'src/modules/conversations/media/media-storage';
import { MediaStatus, MessageDirection, MessageEntity, MessageSender, MessageStatus, MessageType } from 'src/modules/conversations/message.entity';
import { bearer, http, PREFIX, Session } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createClinic, createTeam, Team } from '../support/factories';
import { dataSourceOf, insertWhatsappSession } from '../support/whatsapp';

const CONVERSATIONS = `${PREFIX}/conversations`;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const T0 = Date.parse('2026-11-20T12:00:00.000Z');


interface MessageBody {
  id: string;
  body: string | null;
  occurred_at: string;
}

interface MessagePage {
  items: MessageBody[];
  next_cursor: string | null;
  prev_cursor: string | null;
}

function at(seconds: number): Date {
  return new Date(T0 + seconds * 1000);
}

function ids(response: Response): string[] {
  return (response.body.items as { id: string }[]).map((item) => item.id);
}

describe('Conversations (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
  });

  // Rows are written directly, so these tests do not depend on the webhook pipeline.
  async function insertConversation(
    organizationId: string,
    fields: Omit<Partial<ConversationEntity>, 'contact'> & { contact?: Partial<ContactEntity> } = {},
  ): Promise<ConversationEntity & { contact: ContactEntity }> {
    const { contact: contactFields, ...conversationFields } = fields;
    const sessionId = fields.sessionId ?? (await insertWhatsappSession(app, organizationId)).id;
    const digits = String(randomInt(10_000_000, 99_999_999));
    const contacts = dataSourceOf(app).getRepository(ContactEntity);
    const contact = await contacts.save(
      contacts.create({ organizationId, name: `Paciente ${digits}`, phone: `+55119${digits}`, source: ContactSource.Whatsapp, ...contactFields }),
    );
    const conversations = dataSourceOf(app).getRepository(ConversationEntity);
    const conversation = await conversations.save(
      conversations.create({ organizationId, sessionId, contactId: contact.id, chatId: `55119${digits}@c.us`, lastMessageAt: null, ...conversationFields }),
    );
    return Object.assign(conversation, { contact });
  }

  async function insertMessage(conversation: ConversationEntity, fields: Partial<MessageEntity> = {}): Promise<MessageEntity> {
    const messages = dataSourceOf(app).getRepository(MessageEntity);
    return messages.save(
      messages.create({
        organizationId: conversation.organizationId,
        conversationId: conversation.id,
        sessionId: conversation.sessionId,
        direction: MessageDirection.Inbound,
        type: MessageType.Text,
        sender: MessageSender.Patient,
        status: MessageStatus.Received,
        body: 'Olá',
        occurredAt: new Date(),
        ...fields,
      }),
    );
  }

  /**
   * `count` inbound messages "m1".."mN": every two share a second and odd ones sit a microsecond later,
   * so paging must order by (occurred_at, id) at full precision to avoid gaps.
   */
  async function insertHistory(conversation: ConversationEntity, count: number): Promise<void> {
    await dataSourceOf(app).query(
      `INSERT INTO messages (organization_id, conversation_id, session_id, direction, type, sender, status, body, occurred_at)
       SELECT $1, $2, $3, 'inbound', 'text', 'patient', 'received', 'm' || i,
              $4::timestamptz + (i / 2) * interval '1 second' + (i % 2) * interval '1 microsecond'
       FROM generate_series(1, $5) AS i`,
      [conversation.organizationId, conversation.id, conversation.sessionId, at(0).toISOString(), count],
    );
  }

  async function historyIdsNewestFirst(conversationId: string): Promise<string[]> {
    const rows: { id: string }[] = await dataSourceOf(app).query(
      'SELECT id FROM messages WHERE conversation_id = $1 ORDER BY occurred_at DESC, id DESC',
      [conversationId],
    );
    return rows.map((row) => row.id);
  }

  function list(actor: Session, query: Record<string, string | number | string[]> = {}): Test {
    return http(app).get(CONVERSATIONS).query(query).set(...bearer(actor));
  }

  function detail(actor: Session, id: string): Test {
    return http(app).get(`${CONVERSATIONS}/${id}`).set(...bearer(actor));
  }

  function messages(actor: Session, id: string, query: Record<string, string | number> = {}): Test {
    return http(app).get(`${CONVERSATIONS}/${id}/messages`).query(query).set(...bearer(actor));
  }

  function send(actor: Session, id: string, body: object): Test {
    return http(app).post(`${CONVERSATIONS}/${id}/messages`).set(...bearer(actor)).send(body);
  }

  function media(actor: Session, messageId: string): Test {
    return http(app)
      .get(`${PREFIX}/messages/${messageId}/media`)
      .set(...bearer(actor))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        // Errors stay JSON, so expectError can read them.
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          done(null, String(res.headers['content-type']).includes('json') ? JSON.parse(bytes.toString('utf8')) : bytes);
        });
      });
  }

  describe('GET /conversations', () => {
    it('should sort by last activity, never-active last, and paginate without duplicates', async () => {
      const { organizationId, admin } = await createClinic(app);
      const idle = await insertConversation(organizationId);
      const oldest = await insertConversation(organizationId, { lastMessageAt: at(10) });
      const newest = await insertConversation(organizationId, { lastMessageAt: at(30) });
      const middle = await insertConversation(organizationId, { lastMessageAt: at(20) });
      const sameAsMiddle = await insertConversation(organizationId, { lastMessageAt: at(20) });
      const tied = [middle.id, sameAsMiddle.id].sort().reverse();

      const first = await list(admin, { limit: 2 }).expect(200);
      expect(first.body).toMatchObject({ total: 5, page: 1, limit: 2, pages: 3 });
      const second = await list(admin, { limit: 2, page: 2 }).expect(200);
      const third = await list(admin, { limit: 2, page: 3 }).expect(200);
      expect([...ids(first), ...ids(second), ...ids(third)]).toEqual([newest.id, ...tied, oldest.id, idle.id]);
      expect((await list(admin, { page: 9 }).expect(200)).body).toEqual({ items: [], total: 5, page: 9, limit: 20, pages: 1 });
    });

    it('should answer each item with its contact and a preview of the newest message cut to 120 characters', async () => {
      const { organizationId, admin } = await createClinic(app);
      const conversation = await insertConversation(organizationId, {
        status: ConversationStatus.WaitingSecretary,
        lastMessageAt: at(60),
        contact: { name: 'Maria da Silva', phone: '+5511987654321' },
      });
      await insertMessage(conversation, { body: 'antiga', occurredAt: at(1) });
      const longText = `${'Gostaria de remarcar a minha consulta. '.repeat(6)}fim`;
      await insertMessage(conversation, { body: longText, direction: MessageDirection.Outbound, sender: MessageSender.Bot, status: MessageStatus.Sent, occurredAt: at(60) });
      const silent = await insertConversation(organizationId, { lastMessageAt: at(5) });

      const response = await list(admin).expect(200);

      expect(response.body.items).toEqual([
        {
          id: conversation.id,
          status: 'WAITING_SECRETARY',
          chat_id: conversation.chatId,
          owner_type: 'bot',
          owner_user_id: null,
          assigned_to_id: null,
          session_id: conversation.sessionId,
          contact: { id: conversation.contactId, name: 'Maria da Silva', phone: '+5511987654321' },
          last_message_at: at(60).toISOString(),
          last_message: { body: longText.slice(0, 120), type: 'text', direction: 'outbound', occurred_at: at(60).toISOString() },
          urgent: false,
          unread_count: 0,
          created_at: expect.stringMatching(ISO_DATE),
          updated_at: expect.stringMatching(ISO_DATE),
        },
        expect.objectContaining({ id: silent.id, last_message: null }),
      ]);
    });

    it('should filter by status (comma list or repeated), number, patient and date range', async () => {
      const { organizationId, admin } = await createClinic(app);
      const session = await insertWhatsappSession(app, organizationId);
      const active = await insertConversation(organizationId, { status: ConversationStatus.Active, lastMessageAt: at(10) });
      const waiting = await insertConversation(organizationId, { status: ConversationStatus.WaitingSecretary, lastMessageAt: at(20), sessionId: session.id });
      const closed = await insertConversation(organizationId, { status: ConversationStatus.Closed, lastMessageAt: at(30), sessionId: session.id });

      expect(ids(await list(admin, { status: 'ACTIVE,WAITING_SECRETARY' }).expect(200))).toEqual([waiting.id, active.id]);
      expect(ids(await list(admin, { status: ['CLOSED', 'ACTIVE'] }).expect(200))).toEqual([closed.id, active.id]);
      expect(ids(await list(admin, { session_id: session.id }).expect(200))).toEqual([closed.id, waiting.id]);
      expect(ids(await list(admin, { contact_id: waiting.contactId }).expect(200))).toEqual([waiting.id]);
      expect(ids(await list(admin, { from: at(20).toISOString() }).expect(200))).toEqual([closed.id, waiting.id]);
      expect(ids(await list(admin, { from: at(10).toISOString(), to: at(20).toISOString() }).expect(200))).toEqual([waiting.id, active.id]);
      expect((await list(admin, { status: 'TRANSFERRED' }).expect(200)).body.total).toBe(0);
    });

    it.each([
      ['from after to', { from: '2026-11-30T00:00:00Z', to: '2026-11-01T00:00:00Z' }, 'to'],
      ['an unknown status', { status: 'ACTIVE,OPEN' }, 'status'],
      ['a malformed session_id', { session_id: '123' }, 'session_id'],
      ['a malformed date', { from: 'ontem' }, 'from'],
      ['limit=101', { limit: 101 }, 'limit'],
      ['an unknown parameter', { organization_id: randomUUID() }, 'organization_id'],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, query, field) => {
      expectInvalidFields(await list(team.clinic.admin, query), [field]);
    });

    it('should show a secretary her conversations and the unassigned queue, and a viewer everything', async () => {
      const { clinic, secretary, otherSecretary, viewer } = team;
      const session = await insertWhatsappSession(app, clinic.organizationId);
      const hers = await insertConversation(clinic.organizationId, { sessionId: session.id, assignedToId: secretary.userId, lastMessageAt: at(3) });
      const unassigned = await insertConversation(clinic.organizationId, { sessionId: session.id, lastMessageAt: at(2) });
      const others = await insertConversation(clinic.organizationId, { sessionId: session.id, assignedToId: otherSecretary.userId, lastMessageAt: at(1) });

      const mine = await list(secretary, { session_id: session.id }).expect(200);
      expect(ids(mine)).toEqual([hers.id, unassigned.id]);
      expect(mine.body.total).toBe(2);
      expect(ids(await list(viewer, { session_id: session.id }).expect(200))).toEqual([hers.id, unassigned.id, others.id]);
    });

    it('should never list another clinic’s conversations', async () => {
      const { organizationId, admin } = await createClinic(app);
      await insertConversation(team.otherClinic.organizationId, { lastMessageAt: at(1) });
      await insertConversation(organizationId, { lastMessageAt: at(1) });
      expect((await list(admin).expect(200)).body.total).toBe(1);
    });
  });

  describe('GET /conversations/:id', () => {
    it('should answer the conversation, its full contact and the latest 50 messages oldest first', async () => {
      const { clinic } = team;
      const conversation = await insertConversation(clinic.organizationId, {
        lastMessageAt: at(30),
        contact: { name: 'João Pereira', email: 'joao@email.com', blocked: false, optedOut: true },
      });
      await insertHistory(conversation, 55);
      const newestFirst = await historyIdsNewestFirst(conversation.id);

      const response = await detail(clinic.admin, conversation.id).expect(200);

      expect(response.body).toMatchObject({
        id: conversation.id,
        status: 'ACTIVE',
        chat_id: conversation.chatId,
        session_id: conversation.sessionId,
        last_message_at: at(30).toISOString(),
        last_inbound_at: null,
        closed_at: null,
        contact: { id: conversation.contactId, name: 'João Pereira', phone: conversation.contact.phone, email: 'joao@email.com', blocked: false, opted_out: true },
        has_more_messages: true,
      });
      expect((response.body.messages as MessageBody[]).map((message) => message.id)).toEqual(newestFirst.slice(0, 50).reverse());
      expect(response.body.messages[49]).toEqual({
        id: newestFirst[0],
        conversation_id: conversation.id,
        direction: 'inbound',
        type: 'text',
        sender: 'patient',
        sent_by_user_id: null,
        automated: false,
        body: 'm55',
        status: 'received',
        ack: null,
        failure_reason: null,
        waha_message_id: null,
        reply_to_waha_id: null,
        occurred_at: at(27).toISOString(),
        sent_at: null,
        revoked_at: null,
        location: null,
        vcards: null,
        media: null,
        created_at: expect.stringMatching(ISO_DATE),
      });
    });

    it('should say there are no more messages when the history is short', async () => {
      const conversation = await insertConversation(team.clinic.organizationId);
      await insertHistory(conversation, 3);
      const response = await detail(team.secretary, conversation.id).expect(200);
      expect(response.body.has_more_messages).toBe(false);
      expect((response.body.messages as MessageBody[]).map((message) => message.body)).toEqual(['m1', 'm2', 'm3']);
    });

    it('should answer 404 CONVERSATION_NOT_FOUND for another secretary’s, another clinic’s or a missing conversation', async () => {
      const others = await insertConversation(team.clinic.organizationId, { assignedToId: team.otherSecretary.userId });
      expectError(await detail(team.secretary, others.id), 404, 'CONVERSATION_NOT_FOUND');
      expectError(await detail(team.otherClinic.admin, others.id), 404, 'CONVERSATION_NOT_FOUND');
      expectError(await detail(team.clinic.admin, randomUUID()), 404, 'CONVERSATION_NOT_FOUND');
      await detail(team.otherSecretary, others.id).expect(200);
    });

    it('should answer 400 VALIDATION_FAILED for a malformed id', async () => {
      expectInvalidFields(await detail(team.clinic.admin, 'not-a-uuid'), ['id']);
    });
  });

  describe('GET /conversations/:id/messages', () => {
    let conversation: ConversationEntity;
    let newestFirst: string[];

    beforeAll(async () => {
      conversation = await insertConversation(team.clinic.organizationId, { lastMessageAt: at(60) });
      await insertHistory(conversation, 120);
      newestFirst = await historyIdsNewestFirst(conversation.id);
    });

    async function page(query: Record<string, string | number>): Promise<MessagePage> {
      const response = await messages(team.secretary, conversation.id, query);
      expect({ status: response.status, body: response.body }).toMatchObject({ status: 200 });
      return response.body as MessagePage;
    }

    it('should walk back through 120 messages and forward again without gaps or duplicates', async () => {
      const backward: string[] = [];
      let current = await page({ limit: 25 });
      expect(current.prev_cursor).toBeNull();
      const pages = [current];
      for (;;) {
        backward.push(...current.items.map((item) => item.id));
        if (!current.next_cursor) break;
        current = await page({ limit: 25, before: current.next_cursor });
        pages.push(current);
      }
      expect(pages.map((item) => item.items.length)).toEqual([25, 25, 25, 25, 20]);
      expect(backward).toEqual(newestFirst);

      const forward: string[] = [...current.items.map((item) => item.id)];
      let cursor = current.prev_cursor;
      while (cursor) {
        const newer = await page({ limit: 30, after: cursor });
        forward.unshift(...newer.items.map((item) => item.id));
        expect(newer.next_cursor).not.toBeNull();
        cursor = newer.prev_cursor;
      }
      expect(forward).toEqual(newestFirst);
    });

    it('should default to the newest 50', async () => {
      const first = await page({});
      expect(first.items.map((item) => item.id)).toEqual(newestFirst.slice(0, 50));
      expect(first.items[0].body).toBe('m120');
    });

    it.each([
      ['a cursor it never issued', { before: 'bm90LWEtY3Vyc29y' }, 'before'],
      ['a cursor with bad characters', { after: 'abc$%' }, 'after'],
      ['before and after together', { before: 'x', after: 'y' }, 'after'],
      ['limit=0', { limit: 0 }, 'limit'],
      ['limit=101', { limit: 101 }, 'limit'],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, query, field) => {
      expectInvalidFields(await messages(team.secretary, conversation.id, query), [field]);
    });

    it('should answer 404 CONVERSATION_NOT_FOUND for another secretary’s or another clinic’s conversation', async () => {
      const others = await insertConversation(team.clinic.organizationId, { assignedToId: team.otherSecretary.userId });
      await insertHistory(others, 2);
      expectError(await messages(team.secretary, others.id), 404, 'CONVERSATION_NOT_FOUND');
      expectError(await messages(team.otherClinic.admin, conversation.id), 404, 'CONVERSATION_NOT_FOUND');
    });
  });

  describe('POST /conversations/:id/messages', () => {
    it('should queue a text and answer 202 with the queued message', async () => {
      const conversation = await insertConversation(team.clinic.organizationId);
      const response = await send(team.secretary, conversation.id, { text: '  Bom dia! Sua consulta está confirmada.  ' });
      expect({ status: response.status, body: response.body }).toMatchObject({
        status: 202,
        body: {
          conversation_id: conversation.id,
          direction: 'outbound',
          type: 'text',
          sender: 'user',
          sent_by_user_id: team.secretary.userId,
          automated: false,
          body: 'Bom dia! Sua consulta está confirmada.',
          status: 'queued',
          media: null,
        },
      });
      const row = await dataSourceOf(app).getRepository(MessageEntity).findOneByOrFail({ id: response.body.id });
      expect(row).toMatchObject({ organizationId: team.clinic.organizationId, conversationId: conversation.id, direction: 'outbound' });
      expect(['queued', 'sending', 'sent', 'failed']).toContain(row.status);
    });

    it('should queue a file and answer its pending media', async () => {
      const conversation = await insertConversation(team.clinic.organizationId);
      const response = await send(team.clinic.admin, conversation.id, {
        media: { url: 'https://files.example.com/preparo.pdf', mimetype: 'application/pdf', filename: 'preparo.pdf', caption: 'Segue o preparo' },
      });
      expect({ status: response.status, body: response.body }).toMatchObject({
        status: 202,
        body: { type: 'document', body: 'Segue o preparo', status: 'queued', media: { status: 'pending', mimetype: 'application/pdf', filename: 'preparo.pdf', url: null } },
      });
    });

    it.each([
      ['both text and media', { text: 'oi', media: { url: 'https://x.example.com/a.jpg', mimetype: 'image/jpeg' } }, 'text'],
      ['neither text nor media', {}, 'text'],
      ['an empty text', { text: '   ' }, 'text'],
      ['a URL that is not http(s)', { media: { url: 'ftp://x.example.com/a.jpg', mimetype: 'image/jpeg' } }, 'media.url'],
      ['a mimetype outside the allow-list', { media: { url: 'https://x.example.com/a.exe', mimetype: 'application/x-msdownload' } }, 'media.mimetype'],
      ['an unknown field', { text: 'oi', organization_id: randomUUID() }, 'organization_id'],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, body, field) => {
      const conversation = await insertConversation(team.clinic.organizationId);
      expectInvalidFields(await send(team.clinic.admin, conversation.id, body), [field]);
      expect(await dataSourceOf(app).getRepository(MessageEntity).countBy({ conversationId: conversation.id })).toBe(0);
    });

    it('should answer 409 CONVERSATION_CLOSED for a closed conversation', async () => {
      const conversation = await insertConversation(team.clinic.organizationId, { status: ConversationStatus.Closed });
      expectError(await send(team.clinic.admin, conversation.id, { text: 'Oi' }), 409, 'CONVERSATION_CLOSED');
    });

    it('should pass the outbound refusal through for a blocked patient', async () => {
      const conversation = await insertConversation(team.clinic.organizationId, { contact: { blocked: true } });
      expectError(await send(team.clinic.admin, conversation.id, { text: 'Oi' }), 409, 'MESSAGE_CONTACT_BLOCKED');
    });

    it('should answer 403 to a viewer and 401 without a token', async () => {
      const conversation = await insertConversation(team.clinic.organizationId);
      expectError(await send(team.viewer, conversation.id, { text: 'Oi' }), 403, 'FORBIDDEN');
      expectError(await http(app).post(`${CONVERSATIONS}/${conversation.id}/messages`).send({ text: 'Oi' }), 401, 'UNAUTHENTICATED');
    });

    it('should answer 404 for another secretary’s or another clinic’s conversation and send nothing', async () => {
      const others = await insertConversation(team.clinic.organizationId, { assignedToId: team.otherSecretary.userId });
      expectError(await send(team.secretary, others.id, { text: 'Oi' }), 404, 'CONVERSATION_NOT_FOUND');
      expectError(await send(team.otherClinic.admin, others.id, { text: 'Oi' }), 404, 'CONVERSATION_NOT_FOUND');
      expect(await dataSourceOf(app).getRepository(MessageEntity).countBy({ conversationId: others.id })).toBe(0);
    });
  });

  describe('GET /messages/:id/media', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);

    async function storedImage(fields: Partial<ConversationEntity> = {}, filename: string | null = 'exame "raio-x".jpg'): Promise<MessageEntity> {
      const conversation = await insertConversation(team.clinic.organizationId, fields);
      const message = await insertMessage(conversation, { type: MessageType.Image, body: null, mediaStatus: MediaStatus.Pending, mediaMimetype: 'image/jpeg' });
      const key = await app.get(MediaStorage).put(team.clinic.organizationId, message.id, jpeg, 'image/jpeg');
      await dataSourceOf(app)
        .getRepository(MessageEntity)
        .update({ id: message.id }, { mediaStatus: MediaStatus.Stored, mediaStorageKey: key, mediaSize: jpeg.length, mediaFilename: filename });
      return message;
    }

    it('should stream the stored file with its type, size and safe inline name', async () => {
      const message = await storedImage();
      const response = await media(team.secretary, message.id).expect(200);
      expect(Buffer.compare(response.body as Buffer, jpeg)).toBe(0);
      expect(response.headers).toMatchObject({
        'content-type': 'image/jpeg',
        'content-length': String(jpeg.length),
        'content-disposition': 'inline; filename="exame _raio-x_.jpg"',
        'cache-control': 'private, max-age=300',
        'x-content-type-options': 'nosniff',
      });
      const shown = await detail(team.secretary, message.conversationId).expect(200);
      expect(shown.body.messages[0].media).toEqual({
        status: 'stored',
        mimetype: 'image/jpeg',
        filename: 'exame "raio-x".jpg',
        size: jpeg.length,
        url: `${PREFIX}/messages/${message.id}/media`,
        error: null,
      });
    });

    it('should answer 404 MEDIA_NOT_AVAILABLE while the file is pending or when the message has none', async () => {
      const conversation = await insertConversation(team.clinic.organizationId);
      const pending = await insertMessage(conversation, { type: MessageType.Image, mediaStatus: MediaStatus.Pending, mediaMimetype: 'image/jpeg' });
      const text = await insertMessage(conversation);
      const response = await media(team.clinic.admin, pending.id);
      expectError(response, 404, 'MEDIA_NOT_AVAILABLE');
      expect(response.headers['cache-control']).not.toBe('private, max-age=300');
      expectError(await media(team.clinic.admin, text.id), 404, 'MEDIA_NOT_AVAILABLE');
    });

    it('should answer 404 MESSAGE_NOT_FOUND for another secretary’s, another clinic’s or a missing message', async () => {
      const message = await storedImage({ assignedToId: team.otherSecretary.userId });
      expectError(await media(team.secretary, message.id), 404, 'MESSAGE_NOT_FOUND');
      expectError(await media(team.otherClinic.admin, message.id), 404, 'MESSAGE_NOT_FOUND');
      expectError(await media(team.clinic.admin, randomUUID()), 404, 'MESSAGE_NOT_FOUND');
      await media(team.otherSecretary, message.id).expect(200);
    });
  });

  it('should answer 401 without a token on every conversation route', async () => {
    const id = randomUUID();
    for (const path of [CONVERSATIONS, `${CONVERSATIONS}/${id}`, `${CONVERSATIONS}/${id}/messages`, `${PREFIX}/messages/${id}/media`]) {
      expectError(await http(app).get(path), 401, 'UNAUTHENTICATED');
    }
  });
});
