import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { ConversationEntity } from 'src/modules/conversations/conversation.entity';
import { MessagingMaintenanceProcessor } from 'src/modules/conversations/messaging-maintenance.processor';
import { OutboundMessagesService, OutboundInput } from 'src/modules/conversations/outbound/outbound-messages.service';
import { OutboundSenderService } from 'src/modules/conversations/outbound/outbound-sender.service';
import { sendJobId } from 'src/modules/conversations/outbound/send-jobs';
import { WahaMaintenanceProcessor } from 'src/modules/waha/waha-maintenance.processor';
import { QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { bearer, http, PREFIX, Session } from 'test/support/api';
import { createTestApp } from 'test/support/create-test-app';
import { createClinic } from 'test/support/factories';
import { buildMessageEvent, FakeWaha, RecordedRequest } from 'test/support/fake-waha.server';
import { loadTestRun } from 'test/support/test-run';
import { waitFor as poll } from 'test/support/wait-for';
import { dataSourceOf, insertWhatsappSession, postWebhook, TestWhatsappSession } from 'test/support/whatsapp';

/** waitFor, typed for what it returns: the condition's value once it is truthy. */
const waitFor = <T>(condition: () => Promise<T> | T, options?: Parameters<typeof poll>[1]): Promise<NonNullable<T>> =>
  poll(condition, options) as Promise<NonNullable<T>>;

/**
 * Sending through WAHA (the fake) end to end: one request per message whatever fails in between, WAHA's
 * answers mapped to message states, the bot's courtesy rules (opt-out, typing) and the send budget.
 */

const API_KEY = 'outbound-fake-waha-key-0123456789';

type Row = Record<string, unknown>;

interface TestConversation {
  id: string;
  chatId: string;
  contactId: string;
}

interface Clinic {
  organizationId: string;
  admin: Session;
  session: TestWhatsappSession;
}

function randomPatientChat(): string {
  return `55119${String(randomBytes(4).readUInt32BE(0) % 100_000_000).padStart(8, '0')}@c.us`;
}

const uniqueText = (label: string): string => `${label} ${randomBytes(4).toString('hex')}`;

function actorOf(admin: Session): AuthUser {
  return { userId: admin.userId, organizationId: admin.organizationId, role: admin.role as Role, jti: 'test', sessionId: 'test', tokenExpiresAt: 0 };
}

/** Test helpers bound to one app and one fake WAHA. */
function harness(getApp: () => NestFastifyApplication, getFake: () => FakeWaha) {
  const query = <T = Row>(sql: string, params: unknown[] = []): Promise<T[]> => dataSourceOf(getApp()).query(sql, params);
  const message = async (id: string): Promise<Row> => (await query(`SELECT * FROM messages WHERE id = $1`, [id]))[0];
  const sendTextsWith = (text: string): RecordedRequest[] =>
    getFake()
      .requestsTo('/api/sendText')
      .filter((request) => (request.body as Row | null)?.text === text);
  const sentWith = (text: string) => getFake().sentMessages.filter((sent) => sent.body === text);

  async function newClinic(): Promise<Clinic> {
    const clinic = await createClinic(getApp());
    const session = await insertWhatsappSession(getApp(), clinic.organizationId);
    getFake().seedSession(session.name);
    return { ...clinic, session };
  }

  /** A conversation opened the way it happens in production: the patient writes first. */
  async function newConversation(clinic: Clinic): Promise<TestConversation> {
    const chatId = randomPatientChat();
    const event = buildMessageEvent({ session: clinic.session.name, from: chatId, body: 'Olá, gostaria de marcar uma consulta' });
    expect((await postWebhook(getApp(), event, clinic.session.hmacKey)).body).toEqual({ status: 'accepted' });
    const [row] = await waitFor(async () => {
      const rows = await query<{ id: string; contact_id: string }>(`SELECT id, contact_id FROM conversations WHERE session_id = $1 AND chat_id = $2`, [
        clinic.session.id,
        chatId,
      ]);
      return rows.length ? rows : null;
    }, { what: 'conversation created' });
    return { id: row.id, chatId, contactId: row.contact_id };
  }

  async function conversationEntity(id: string): Promise<ConversationEntity> {
    return dataSourceOf(getApp()).getRepository(ConversationEntity).findOneByOrFail({ id });
  }

  const waitForMessage = (id: string, done: (row: Row) => boolean, what: string): Promise<Row> =>
    waitFor(async () => {
      const row = await message(id);
      return row && done(row) ? row : null;
    }, { what });

  return { query, message, sendTextsWith, sentWith, newClinic, newConversation, conversationEntity, waitForMessage };
}

/**
 * This file's apps have their own BullMQ prefix, hence their own scheduled maintenance: the inbox and message
 * sweeps and the session monitor, which act on every clinic of the shared test database (they would take other
 * files' pending rows and raise or resolve their WAHA alerts). Here those jobs do nothing; tests sweep explicitly.
 */
function disableScheduledMaintenance(): void {
  jest.spyOn(WahaMaintenanceProcessor.prototype, 'process').mockResolvedValue(null);
  jest.spyOn(MessagingMaintenanceProcessor.prototype, 'process').mockResolvedValue(null);
}

describe('WhatsApp outbound messages (e2e)', () => {
  const runPrefix = loadTestRun().redisKeyPrefix;
  let app: NestFastifyApplication;
  let fake: FakeWaha;
  let clinic: Clinic;
  let routeMissing = false;
  const h = harness(
    () => app,
    () => fake,
  );

  beforeAll(async () => {
    disableScheduledMaintenance();
    fake = await FakeWaha.start({ apiKey: API_KEY });
    // Its own BullMQ prefix: only this app's workers (which know the fake) take these send jobs.
    app = await createTestApp({ WAHA_BASE_URL: fake.url, WAHA_API_KEY: API_KEY, REDIS_KEY_PREFIX: `${runPrefix}-outbound` });
    clinic = await h.newClinic();
  });

  afterAll(async () => {
    if (routeMissing) {
      // Surfaced in the test output so the route's absence is not silently covered by the service fallback.
      process.stderr.write('whatsapp-outbound.e2e-spec: POST /api/v1/conversations/:id/messages answered 404; the service was called directly\n');
    }
    await app?.close();
    await fake?.stop();
  });

  afterEach(() => fake.heal());

  /** As the clinic admin: the HTTP route when it exists, else OutboundMessagesService.queueFromUser (same effect). */
  async function sendAsAdmin(conversationId: string, input: OutboundInput): Promise<string> {
    const response = await http(app)
      .post(`${PREFIX}/conversations/${conversationId}/messages`)
      .set(...bearer(clinic.admin))
      .send(input);
    if (response.status === 404 && /^Cannot POST/.test(String(response.body.message))) {
      routeMissing = true;
      const queued = await app.get(OutboundMessagesService).queueFromUser(actorOf(clinic.admin), await h.conversationEntity(conversationId), input);
      return queued.id;
    }
    expect([200, 201, 202]).toContain(response.status);
    const id = (response.body as { id?: string; message?: { id?: string } }).id ?? (response.body as { message?: { id?: string } }).message?.id;
    expect(id).toEqual(expect.any(String));
    return id as string;
  }

  it('should send a message written by the admin exactly once, to the patient’s chat on the clinic’s session', async () => {
    const conversation = await h.newConversation(clinic);
    const text = uniqueText('Olá! Temos horário amanhã às 15h.');
    const id = await sendAsAdmin(conversation.id, { text });
    const row = await h.waitForMessage(id, (m) => m.waha_message_id !== null, 'message sent');

    const [sent] = h.sentWith(text);
    expect(h.sentWith(text)).toHaveLength(1);
    expect(sent).toMatchObject({ session: clinic.session.name, chatId: conversation.chatId, endpoint: 'sendText' });
    expect(h.sendTextsWith(text)).toHaveLength(1);
    expect(h.sendTextsWith(text)[0].headers['x-api-key']).toBe(API_KEY);
    expect(row).toMatchObject({
      waha_message_id: sent.id,
      waha_key_id: sent.keyId,
      direction: 'outbound',
      sender: 'user',
      sent_by_user_id: clinic.admin.userId,
      automated: false,
      send_attempts: 1,
      failure_reason: null,
    });
    // The fake answers like WEBJS: ack 0 (PENDING) in the send response.
    expect(['pending', 'sent']).toContain(row.status);
    const [owner] = await h.query(`SELECT owner_type, owner_user_id FROM conversations WHERE id = $1`, [conversation.id]);
    expect(owner).toEqual({ owner_type: 'human', owner_user_id: clinic.admin.userId });
  });

  it('should create no second row for the echo of our own send (message.any, fromMe, source api, same id), only move its ack', async () => {
    const conversation = await h.newConversation(clinic);
    const text = uniqueText('Confirmado para terça.');
    const id = await sendAsAdmin(conversation.id, { text });
    await h.waitForMessage(id, (m) => m.waha_message_id !== null, 'message sent');
    const [sent] = h.sentWith(text);

    const echo = buildMessageEvent({
      session: clinic.session.name,
      event: 'message.any',
      fromMe: true,
      source: 'api',
      from: conversation.chatId,
      keyId: sent.keyId,
      body: text,
      ack: 1,
    });
    expect(echo.payload.id).toBe(sent.id);
    expect((await postWebhook(app, echo, clinic.session.hmacKey)).body).toEqual({ status: 'accepted' });
    const inbox = await waitFor(async () => {
      const [row] = await h.query(`SELECT status, outcome FROM waha_inbox_events WHERE session_id = $1 AND event_id = $2`, [clinic.session.id, echo.id]);
      return row && row.status !== 'pending' ? row : null;
    }, { what: 'echo processed' });
    expect(inbox).toEqual({ status: 'ignored', outcome: 'echo of a stored message' });
    const rows = await h.query(`SELECT id, status, ack, sender FROM messages WHERE conversation_id = $1 AND direction = 'outbound'`, [conversation.id]);
    expect(rows).toEqual([{ id, status: 'sent', ack: 1, sender: 'user' }]);
  });

  it('should complete a row whose send response carried no id from the echo instead of storing the echo again', async () => {
    const conversation = await h.newConversation(clinic);
    const text = uniqueText('Resposta sem id.');
    // WEBJS 2025.6.5 answered sends with an empty 201.
    fake.respondWith('POST', '/api/sendText', { status: 201 }, { times: 1 });
    const id = await sendAsAdmin(conversation.id, { text });
    const sentRow = await h.waitForMessage(id, (m) => m.sent_at !== null, 'send answered');
    expect(sentRow).toMatchObject({ waha_message_id: null, waha_key_id: null, status: 'pending' });

    const echo = buildMessageEvent({ session: clinic.session.name, event: 'message.any', fromMe: true, source: 'api', from: conversation.chatId, body: text, ack: 1 });
    expect((await postWebhook(app, echo, clinic.session.hmacKey)).body).toEqual({ status: 'accepted' });
    const adopted = await h.waitForMessage(id, (m) => m.waha_message_id !== null, 'id adopted from the echo');
    expect(adopted).toMatchObject({ waha_message_id: echo.payload.id, waha_key_id: echo.payload.id.split('_')[2] });
    const rows = await h.query(`SELECT id FROM messages WHERE conversation_id = $1 AND direction = 'outbound'`, [conversation.id]);
    expect(rows).toEqual([{ id }]);
    const [owner] = await h.query(`SELECT owner_type FROM conversations WHERE id = $1`, [conversation.id]);
    expect(owner.owner_type).toBe('human');
  });

  it('should store a message sent through WAHA’s API by someone else (source api, no row of ours) as the clinic’s', async () => {
    const conversation = await h.newConversation(clinic);
    const text = uniqueText('Enviado por outra integração.');
    const event = buildMessageEvent({ session: clinic.session.name, event: 'message.any', fromMe: true, source: 'api', from: conversation.chatId, body: text, ack: 1 });
    expect((await postWebhook(app, event, clinic.session.hmacKey)).body).toEqual({ status: 'accepted' });
    const inbox = await waitFor(async () => {
      const [row] = await h.query(`SELECT status, outcome FROM waha_inbox_events WHERE session_id = $1 AND event_id = $2`, [clinic.session.id, event.id]);
      return row && row.status !== 'pending' ? row : null;
    }, { what: 'event processed' });
    expect(inbox).toEqual({ status: 'processed', outcome: null });
    const rows = await h.query(`SELECT sender, body, waha_message_id FROM messages WHERE conversation_id = $1 AND direction = 'outbound'`, [conversation.id]);
    expect(rows).toEqual([{ sender: 'clinic_phone', body: text, waha_message_id: event.payload.id }]);
    const [owner] = await h.query(`SELECT owner_type FROM conversations WHERE id = $1`, [conversation.id]);
    expect(owner.owner_type).toBe('human');
  });

  it('should deliver exactly once when WAHA answers 5xx to the first 3 attempts', async () => {
    const conversation = await h.newConversation(clinic);
    const text = uniqueText('Seu exame está pronto.');
    fake.failWith('5xx', { times: 3, pathPrefix: '/api/sendText' });
    const id = await sendAsAdmin(conversation.id, { text });
    const row = await h.waitForMessage(id, (m) => m.waha_message_id !== null || m.status === 'failed', 'message settled');
    expect(row.status).not.toBe('failed');
    expect(h.sendTextsWith(text)).toHaveLength(4);
    expect(h.sentWith(text)).toHaveLength(1);
    expect(row).toMatchObject({ waha_message_id: h.sentWith(text)[0].id, send_attempts: 4, failure_reason: null });
    // Each retry of a message left `sending` first looked for a copy in the chat (the first attempt had nothing to look for).
    expect(fake.requestsTo(`/api/${clinic.session.name}/chats/${conversation.chatId}/messages`)).toHaveLength(3);
  });

  it('should mark the message failed with WAHA’s reason and not retry when WAHA answers 4xx', async () => {
    const conversation = await h.newConversation(clinic);
    const text = uniqueText('Mensagem recusada.');
    fake.failWith('4xx', { times: 1, status: 400, pathPrefix: '/api/sendText' });
    const id = await sendAsAdmin(conversation.id, { text });
    const row = await h.waitForMessage(id, (m) => m.status === 'failed', 'message failed');
    expect(row.failure_reason).toEqual(expect.stringContaining('chatId should not be empty'));
    expect(row.failure_reason).toEqual(expect.stringContaining('400'));
    expect(row.waha_message_id).toBeNull();
    // The job is over (unrecoverable), so no retry can come later; the only request was the refused one.
    const job = await app.get(QueueService).queue(QueueName.WhatsappOutbound).getJob(sendJobId(id));
    await waitFor(async () => (await job?.getState()) === 'failed', { what: 'send job failed for good' });
    expect(job?.attemptsMade).toBe(1);
    expect(h.sendTextsWith(text)).toHaveLength(1);
    expect(h.sentWith(text)).toHaveLength(0);
  });

  it('should not send again a message left `sending` whose copy WAHA already has, and adopt that copy', async () => {
    const conversation = await h.newConversation(clinic);
    const text = uniqueText('Lembrete da consulta.');
    const id = await sendAsAdmin(conversation.id, { text });
    await h.waitForMessage(id, (m) => m.waha_message_id !== null, 'message sent');
    const [original] = h.sentWith(text);
    // As if the worker died after WAHA sent it but before the row was updated.
    await h.query(
      `UPDATE messages SET status = 'sending', send_started_at = sent_at - interval '200 milliseconds', waha_message_id = NULL, waha_key_id = NULL, ack = NULL WHERE id = $1`,
      [id],
    );

    const result = await app.get(OutboundSenderService).send(clinic.organizationId, id);

    expect(result).toEqual({ kind: 'done', status: 'sent' });
    expect(h.sendTextsWith(text)).toHaveLength(1);
    expect(h.sentWith(text)).toHaveLength(1);
    expect(await h.message(id)).toMatchObject({ status: 'sent', waha_message_id: original.id, waha_key_id: original.keyId });
  });

  it('should send a message left `sending` whose copy WAHA does not have, once', async () => {
    const conversation = await h.newConversation(clinic);
    const text = uniqueText('Nunca chegou ao WAHA.');
    const [row] = await h.query<{ id: string }>(
      `INSERT INTO messages (organization_id, conversation_id, session_id, direction, type, sender, automated, body, status, occurred_at, send_started_at, send_attempts)
       VALUES ($1, $2, $3, 'outbound', 'text', 'user', false, $4, 'sending', now(), now(), 1) RETURNING id`,
      [clinic.organizationId, conversation.id, clinic.session.id, text],
    );
    const result = await app.get(OutboundSenderService).send(clinic.organizationId, row.id);
    expect(result).toMatchObject({ kind: 'done' });
    expect(h.sendTextsWith(text)).toHaveLength(1);
    expect(await h.message(row.id)).toMatchObject({ waha_message_id: h.sentWith(text)[0].id, send_attempts: 2 });
  });

  describe('bot messages and the patient’s wishes', () => {
    it('should neither store nor send a bot message to a patient who opted out', async () => {
      const conversation = await h.newConversation(clinic);
      await h.query(`UPDATE contacts SET opted_out = true, opted_out_at = now(), opt_out_source = 'patient' WHERE id = $1`, [conversation.contactId]);
      const text = uniqueText('Promoção de check-up!');
      expect(await app.get(OutboundMessagesService).queueFromBot(clinic.organizationId, await h.conversationEntity(conversation.id), text)).toBeNull();
      expect(await h.query(`SELECT 1 FROM messages WHERE conversation_id = $1 AND direction = 'outbound'`, [conversation.id])).toHaveLength(0);
      expect(h.sendTextsWith(text)).toHaveLength(0);
    });

    it('should neither store nor send a bot message to a blocked patient, and refuse a user message with 409 MESSAGE_CONTACT_BLOCKED', async () => {
      const conversation = await h.newConversation(clinic);
      await h.query(`UPDATE contacts SET blocked = true WHERE id = $1`, [conversation.contactId]);
      const entity = await h.conversationEntity(conversation.id);
      const text = uniqueText('Bloqueado.');
      expect(await app.get(OutboundMessagesService).queueFromBot(clinic.organizationId, entity, text)).toBeNull();
      await expect(app.get(OutboundMessagesService).queueFromUser(actorOf(clinic.admin), entity, { text })).rejects.toMatchObject({
        code: 'MESSAGE_CONTACT_BLOCKED',
      });
      expect(await h.query(`SELECT 1 FROM messages WHERE conversation_id = $1 AND direction = 'outbound'`, [conversation.id])).toHaveLength(0);
      expect(h.sendTextsWith(text)).toHaveLength(0);
    });

    it('should fail, not send, a queued bot message when the patient opts out before it goes', async () => {
      const conversation = await h.newConversation(clinic);
      const text = uniqueText('Bot enfileirado.');
      const [row] = await h.query<{ id: string }>(
        `INSERT INTO messages (organization_id, conversation_id, session_id, direction, type, sender, automated, body, status, occurred_at)
         VALUES ($1, $2, $3, 'outbound', 'text', 'bot', true, $4, 'queued', now()) RETURNING id`,
        [clinic.organizationId, conversation.id, clinic.session.id, text],
      );
      await h.query(`UPDATE contacts SET opted_out = true WHERE id = $1`, [conversation.contactId]);
      expect(await app.get(OutboundSenderService).send(clinic.organizationId, row.id)).toEqual({ kind: 'done', status: 'failed' });
      expect(await h.message(row.id)).toMatchObject({ status: 'failed', failure_reason: 'the patient opted out of automated messages' });
      expect(h.sendTextsWith(text)).toHaveLength(0);
    });
  });

  it('should hold the second message back (delayed job, still queued) when the number may send 1 message a minute', async () => {
    const limited = await h.newClinic();
    await h.query(`UPDATE organizations SET whatsapp_send_rate_per_minute = 1 WHERE id = $1`, [limited.organizationId]);
    const conversation = await h.newConversation(limited);
    const service = app.get(OutboundMessagesService);
    const entity = await h.conversationEntity(conversation.id);
    const [first, second] = [uniqueText('Primeira.'), uniqueText('Segunda.')];
    const firstId = (await service.queueFromUser(actorOf(limited.admin), entity, { text: first })).id;
    await h.waitForMessage(firstId, (m) => m.waha_message_id !== null, 'first message sent');
    const secondId = (await service.queueFromUser(actorOf(limited.admin), entity, { text: second })).id;

    const queue = app.get(QueueService).queue(QueueName.WhatsappOutbound);
    await waitFor(async () => (await (await queue.getJob(sendJobId(secondId)))?.getState()) === 'delayed', { what: 'second send job delayed' });
    const job = await queue.getJob(sendJobId(secondId));
    // Over budget is not a failed attempt.
    expect(job?.attemptsMade).toBe(0);
    expect(await h.message(secondId)).toMatchObject({ status: 'queued', waha_message_id: null, send_attempts: 0 });
    expect(h.sendTextsWith(second)).toHaveLength(0);
    expect(h.sentWith(first)).toHaveLength(1);
  });

  it('should send media given by URL with sendImage and the URL', async () => {
    const conversation = await h.newConversation(clinic);
    const url = `https://files.example.com/exames/${randomBytes(4).toString('hex')}.jpg`;
    const input = { media: { url, mimetype: 'image/jpeg', filename: 'exame.jpg', caption: 'Seu exame' } };
    const id = await sendAsAdmin(conversation.id, input);
    const row = await h.waitForMessage(id, (m) => m.waha_message_id !== null, 'image sent');
    expect(row).toMatchObject({ type: 'image', media_source_url: url, media_mimetype: 'image/jpeg', body: 'Seu exame' });
    const sent = fake.sentMessages.filter((message) => (message.request.file as Row | undefined)?.url === url);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ endpoint: 'sendImage', chatId: conversation.chatId, session: clinic.session.name, body: 'Seu exame' });
    expect(sent[0].request).toMatchObject({ file: { url, mimetype: 'image/jpeg', filename: 'exame.jpg' }, caption: 'Seu exame' });
    expect(row.waha_message_id).toBe(sent[0].id);
    expect(fake.requestsTo('/api/sendText').filter((request) => (request.body as Row).chatId === conversation.chatId)).toHaveLength(0);
  });

  describe('typing indicator (WHATSAPP_TYPING_MS_PER_CHAR=1)', () => {
    let typingApp: NestFastifyApplication;
    const t = harness(
      () => typingApp,
      () => fake,
    );

    beforeAll(async () => {
      typingApp = await createTestApp({
        WAHA_BASE_URL: fake.url,
        WAHA_API_KEY: API_KEY,
        WHATSAPP_TYPING_MS_PER_CHAR: '1',
        REDIS_KEY_PREFIX: `${runPrefix}-outbound-typing`,
      });
    });

    afterAll(async () => {
      await typingApp?.close();
    });

    it('should show typing (startTyping, then stopTyping) before a bot message’s sendText', async () => {
      const typingClinic = await t.newClinic();
      const conversation = await t.newConversation(typingClinic);
      const text = uniqueText('Olá! Sou a assistente virtual da clínica.');
      const queued = await typingApp.get(OutboundMessagesService).queueFromBot(typingClinic.organizationId, await t.conversationEntity(conversation.id), text);
      expect(queued).not.toBeNull();
      await t.waitForMessage(String(queued?.id), (m) => m.waha_message_id !== null, 'bot message sent');
      const log = fake.requests
        .filter((request) => (request.body as Row | null)?.chatId === conversation.chatId)
        .map((request) => request.path)
        .filter((path) => ['/api/startTyping', '/api/stopTyping', '/api/sendText'].includes(path));
      expect(log).toEqual(['/api/startTyping', '/api/stopTyping', '/api/sendText']);
      expect(fake.requestsTo('/api/startTyping').find((request) => (request.body as Row).chatId === conversation.chatId)?.body).toMatchObject({
        session: typingClinic.session.name,
        chatId: conversation.chatId,
      });
    });

    it('should not show typing for a message written by a person', async () => {
      const typingClinic = await t.newClinic();
      const conversation = await t.newConversation(typingClinic);
      const text = uniqueText('Digitado pela recepção.');
      const queued = await typingApp.get(OutboundMessagesService).queueFromUser(actorOf(typingClinic.admin), await t.conversationEntity(conversation.id), { text });
      await t.waitForMessage(queued.id, (m) => m.waha_message_id !== null, 'user message sent');
      const paths = fake.requests.filter((request) => (request.body as Row | null)?.chatId === conversation.chatId).map((request) => request.path);
      expect(paths).not.toContain('/api/startTyping');
      expect(paths).toContain('/api/sendText');
    });
  });
});
