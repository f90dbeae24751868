import { Logger } from '@nestjs/common';
import { WahaClient } from 'src/modules/waha/client/waha.client';
import { WahaClientError } from 'src/modules/waha/client/waha.errors';
import { buildMessageEvent, FakeWaha } from 'test/support/fake-waha.server';
import { useFakeWaha } from 'test/support/fake-waha/waha-client.factory';

const SESSION = 'default';
const CHAT = '5511987654321@c.us';
const SENT_ID = /^true_5511987654321@c\.us_3EB0[0-9A-F]{16}$/;
const IMAGE = { mimetype: 'image/jpeg', filename: 'exame.jpg', url: 'https://files.example/exame.jpg' };

describe(`${WahaClient.name} messaging`, () => {
  const context = useFakeWaha({ apiKey: 'messaging-key' });
  let fake: FakeWaha;
  let sut: WahaClient;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    ({ fake, client: sut } = context);
    fake.seedSession(SESSION);
  });

  describe('sendText', () => {
    it('should post WAHA body fields, reply_to included, and return the WEBJS serialized id', async () => {
      const result = await sut.sendText({ session: SESSION, chatId: CHAT, text: 'Olá!', replyTo: 'false_5511987654321@c.us_AC3E', linkPreview: false });
      expect(fake.requestsTo('/api/sendText')[0].body).toEqual({ session: SESSION, chatId: CHAT, text: 'Olá!', reply_to: 'false_5511987654321@c.us_AC3E', linkPreview: false });
      expect(result.id).toMatch(SENT_ID);
      expect(result.id).toBe(fake.sentMessages[0].id);
      expect(result.raw).toMatchObject({ id: { _serialized: result.id }, fromMe: true, type: 'chat' });
    });

    it('should omit optional fields that were not given', async () => {
      await sut.sendText({ session: SESSION, chatId: CHAT, text: 'Oi' });
      expect(fake.requestsTo('/api/sendText')[0].body).toEqual({ session: SESSION, chatId: CHAT, text: 'Oi' });
    });

    it('should throw a 422 naming the status when the session is not WORKING', async () => {
      fake.setSessionStatus(SESSION, 'SCAN_QR_CODE');
      const error = await sut.sendText({ session: SESSION, chatId: CHAT, text: 'Oi' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WahaClientError);
      expect(error).toMatchObject({ status: 422, sessionStatus: 'SCAN_QR_CODE', retryable: false });
      expect(fake.sentMessages).toEqual([]);
    });
  });

  describe('sent id extraction per engine', () => {
    const send = (): ReturnType<WahaClient['sendText']> => sut.sendText({ session: SESSION, chatId: CHAT, text: 'Oi' });

    it('should build the id from a NOWEB key, turning @s.whatsapp.net into @c.us', async () => {
      const noweb = {
        key: { remoteJid: '5511987654321@s.whatsapp.net', fromMe: true, id: '3EB0AAAABBBBCCCCDDDD' },
        message: { extendedTextMessage: { text: 'Oi' } },
        messageTimestamp: '1784553313',
        status: 'PENDING',
      };
      fake.respondWith('POST', '/api/sendText', { status: 201, body: noweb });
      await expect(send()).resolves.toEqual({ id: 'true_5511987654321@c.us_3EB0AAAABBBBCCCCDDDD', raw: noweb });
    });

    it('should take a GOWS string id as is', async () => {
      fake.respondWith('POST', '/api/sendText', { status: 201, body: { id: 'true_5511987654321@c.us_3EB0AAAABBBBCCCCDDDD', _data: {} } });
      expect((await send()).id).toBe('true_5511987654321@c.us_3EB0AAAABBBBCCCCDDDD');
    });

    it('should return a null id for an empty 201 (WEBJS 2025.6.5)', async () => {
      fake.respondWith('POST', '/api/sendText', { status: 201 });
      await expect(send()).resolves.toEqual({ id: null, raw: null });
    });

    it('should not throw on a non-JSON 2xx, as the message already went out', async () => {
      fake.respondWith('POST', '/api/sendText', { status: 201, raw: Buffer.from('OK'), contentType: 'text/plain' });
      await expect(send()).resolves.toEqual({ id: null, raw: 'OK' });
    });
  });

  describe('media and location', () => {
    it.each([
      ['sendImage', 'image'],
      ['sendFile', 'document'],
      ['sendVideo', 'video'],
    ] as const)('%s should post file, caption and reply_to', async (method, type) => {
      const result = await sut[method]({ session: SESSION, chatId: CHAT, file: IMAGE, caption: 'Pedido', replyTo: 'false_x_1' });
      expect(fake.requestsTo(`/api/${method}`)[0].body).toEqual({ session: SESSION, chatId: CHAT, file: IMAGE, caption: 'Pedido', reply_to: 'false_x_1' });
      expect(result.id).toMatch(SENT_ID);
      expect(fake.sentMessages[0]).toMatchObject({ endpoint: method, type, body: 'Pedido' });
    });

    it('sendVoice should post the file with convert', async () => {
      const file = { mimetype: 'audio/ogg; codecs=opus', data: 'T2dnUw==' };
      await sut.sendVoice({ session: SESSION, chatId: CHAT, file, convert: true });
      expect(fake.requestsTo('/api/sendVoice')[0].body).toEqual({ session: SESSION, chatId: CHAT, file, convert: true });
    });

    it('sendLocation should post numeric coordinates and the title', async () => {
      const result = await sut.sendLocation({ session: SESSION, chatId: CHAT, latitude: -23.5574, longitude: -46.6606, title: 'Clínica' });
      expect(fake.requestsTo('/api/sendLocation')[0].body).toEqual({ session: SESSION, chatId: CHAT, latitude: -23.5574, longitude: -46.6606, title: 'Clínica' });
      expect(result.id).toMatch(SENT_ID);
    });
  });

  describe('presence', () => {
    it('should post sendSeen with message ids, then start and stop typing', async () => {
      await sut.sendSeen({ session: SESSION, chatId: CHAT, messageIds: ['false_5511987654321@c.us_AC3E'] });
      await sut.startTyping({ session: SESSION, chatId: CHAT });
      await sut.stopTyping({ session: SESSION, chatId: CHAT });
      expect(fake.requests.map((request) => [request.path, request.body])).toEqual([
        ['/api/sendSeen', { session: SESSION, chatId: CHAT, messageIds: ['false_5511987654321@c.us_AC3E'] }],
        ['/api/startTyping', { session: SESSION, chatId: CHAT }],
        ['/api/stopTyping', { session: SESSION, chatId: CHAT }],
      ]);
    });
  });

  describe('getChatMessages', () => {
    it('should encode the chat id and send limit, downloadMedia=false and filter.fromMe', async () => {
      await sut.getChatMessages(SESSION, CHAT, { limit: 5, fromMe: true });
      const [request] = fake.requestsTo('/api/default/chats/');
      expect(request.url).toBe('/api/default/chats/5511987654321%40c.us/messages?limit=5&downloadMedia=false&filter.fromMe=true');
    });

    it('should leave filter.fromMe out when not given', async () => {
      await sut.getChatMessages(SESSION, CHAT, { limit: 3 });
      expect(fake.requestsTo('/api/default/chats/')[0].query).toEqual({ limit: '3', downloadMedia: 'false' });
    });

    it('should list what was sent newest first, so a resend can be skipped', async () => {
      const first = await sut.sendText({ session: SESSION, chatId: CHAT, text: 'primeira' });
      const second = await sut.sendText({ session: SESSION, chatId: CHAT, text: 'segunda' });
      const inbound = buildMessageEvent({ session: SESSION, from: CHAT, body: 'oi', timestamp: 1 });
      fake.recordChatMessage(SESSION, inbound.payload);

      const mine = await sut.getChatMessages(SESSION, CHAT, { limit: 10, fromMe: true });
      expect(mine.map((message) => message.id)).toEqual([second.id, first.id]);
      expect(mine[0]).toMatchObject({ fromMe: true, source: 'api', body: 'segunda', ackName: 'SERVER' });
      expect(await sut.getChatMessages(SESSION, CHAT, { limit: 1 })).toHaveLength(1);
      expect((await sut.getChatMessages(SESSION, CHAT, { limit: 10, fromMe: false })).map((message) => message.id)).toEqual([inbound.payload.id]);
    });

    it('should find a message whose send response was lost', async () => {
      fake.failWith('timeout', { times: 1, pathPrefix: '/api/sendText', sideEffects: true });
      await expect(sut.sendText({ session: SESSION, chatId: CHAT, text: 'perdida' }, { timeoutMs: 100 })).rejects.toMatchObject({ kind: 'timeout' });
      const [message] = await sut.getChatMessages(SESSION, CHAT, { limit: 1, fromMe: true });
      expect(message).toMatchObject({ id: fake.sentMessages[0].id, body: 'perdida' });
    });
  });

  describe('checkNumberExists', () => {
    it('should send phone and session and return the chat id', async () => {
      await expect(sut.checkNumberExists(SESSION, '5511987654321')).resolves.toEqual({ numberExists: true, chatId: CHAT });
      expect(fake.requestsTo('/api/contacts/check-exists')[0].query).toEqual({ phone: '5511987654321', session: SESSION });
    });

    it('should return the chat id WhatsApp uses, or none when the number is not on WhatsApp', async () => {
      fake.setNumberLookup('5511987654321', '551187654321@c.us');
      fake.setNumberLookup('5511900000000', null);
      await expect(sut.checkNumberExists(SESSION, '5511987654321')).resolves.toEqual({ numberExists: true, chatId: '551187654321@c.us' });
      await expect(sut.checkNumberExists(SESSION, '5511900000000')).resolves.toEqual({ numberExists: false, chatId: null });
    });
  });
});
