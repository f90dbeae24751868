import { WahaLocation, WahaMessage } from 'src/modules/waha/client/waha.types';
import { FakeRequest, FakeResponse, FakeSendEndpoint, FakeSentMessage, FakeSession } from 'test/support/fake-waha/fake-waha.types';
import { FakeWahaState } from 'test/support/fake-waha/fake-waha.state';
import { MessageSpec, normalizeChatId, randomKeyId, serializeId, waMessage, webjsSendResponse } from 'test/support/fake-waha/message-shapes';
import { FakeRoute, isRecord, json, withWorkingSession } from 'test/support/fake-waha/route-helpers';
import { badRequest, FAKE_CLINIC_ME, TINY_JPEG_BASE64 } from 'test/support/fake-waha/wire-bodies';

const MEDIA_TYPES: Record<Exclude<FakeSendEndpoint, 'sendText' | 'sendLocation'>, string> = {
  sendImage: 'image',
  sendFile: 'document',
  sendVoice: 'ptt',
  sendVideo: 'video',
};

type SendBody = Record<string, unknown>;

function sessionOf(body: unknown): string {
  return isRecord(body) && typeof body.session === 'string' ? body.session : 'default';
}

function fileOf(body: SendBody): { url: string; mimetype: string; filename: string | null } | null {
  const file = body.file;
  if (!isRecord(file) || typeof file.mimetype !== 'string') return null;
  if (typeof file.url !== 'string' && typeof file.data !== 'string') return null;
  return { url: typeof file.url === 'string' ? file.url : '', mimetype: file.mimetype, filename: typeof file.filename === 'string' ? file.filename : null };
}

/** Field errors as WAHA's class-validator reports them; empty when the body is valid. */
function validate(endpoint: FakeSendEndpoint, body: SendBody): string[] {
  const errors = typeof body.chatId === 'string' && body.chatId ? [] : ['chatId should not be empty'];
  if (endpoint === 'sendText' && typeof body.text !== 'string') errors.push('text must be a string');
  if (endpoint === 'sendLocation' && (typeof body.latitude !== 'number' || typeof body.longitude !== 'number')) {
    errors.push('latitude must be a number', 'longitude must be a number');
  }
  if (endpoint in MEDIA_TYPES && !fileOf(body)) errors.push('file must have mimetype and url or data');
  return errors;
}

function sentMessage(endpoint: FakeSendEndpoint, session: FakeSession, body: SendBody): FakeSentMessage {
  const chatId = normalizeChatId(String(body.chatId));
  const keyId = randomKeyId(true);
  const location: WahaLocation | null =
    endpoint === 'sendLocation' ? { latitude: Number(body.latitude), longitude: Number(body.longitude), name: typeof body.title === 'string' ? body.title : null } : null;
  const text = endpoint === 'sendText' ? body.text : body.caption;
  return {
    id: serializeId(true, chatId, keyId),
    keyId,
    session: session.name,
    chatId,
    endpoint,
    type: endpoint === 'sendText' ? 'chat' : endpoint === 'sendLocation' ? 'location' : MEDIA_TYPES[endpoint],
    body: typeof text === 'string' ? text : null,
    location,
    replyTo: typeof body.reply_to === 'string' ? body.reply_to : null,
    timestamp: Math.floor(Date.now() / 1000),
    request: body,
  };
}

/** The sent message as WEBJS sees it; `ack` 0 in the send response, 1 (SERVER) afterwards. */
function specOf(sent: FakeSentMessage, meId: string, ack: number): MessageSpec {
  const file = fileOf(sent.request);
  return {
    fromMe: true,
    from: meId,
    to: sent.chatId,
    chatId: sent.chatId,
    keyId: sent.keyId,
    timestamp: sent.timestamp,
    body: sent.type === 'location' ? TINY_JPEG_BASE64 : sent.body,
    source: 'api',
    type: sent.type,
    ack,
    media: file,
    location: sent.location,
    replyTo: sent.replyTo ? { id: sent.replyTo, body: null } : null,
  };
}

function send(endpoint: FakeSendEndpoint): FakeRoute {
  return {
    method: 'POST',
    pattern: new RegExp(`^/api/${endpoint}$`),
    handle: (state, request) => {
      const body = isRecord(request.body) ? request.body : {};
      const errors = validate(endpoint, body);
      if (errors.length > 0) return json(400, badRequest(errors));
      return withWorkingSession(state, sessionOf(body), (session) => {
        const sent = sentMessage(endpoint, session, body);
        state.sent.push(sent);
        return json(201, webjsSendResponse(specOf(sent, (session.me ?? FAKE_CLINIC_ME).id, 0)));
      });
    },
  };
}

function chatAction(path: string, answer: (body: SendBody) => unknown): FakeRoute {
  return {
    method: 'POST',
    pattern: new RegExp(`^/api/${path}$`),
    handle: (state, request) => {
      const body = isRecord(request.body) ? request.body : {};
      if (typeof body.chatId !== 'string' || !body.chatId) return json(400, badRequest(['chatId should not be empty']));
      return withWorkingSession(state, sessionOf(body), () => json(201, answer(body)));
    },
  };
}

/** Newest first, like WAHA; `filter.fromMe` narrows to one direction. */
export function chatHistory(state: FakeWahaState, session: FakeSession, chatId: string, query: URLSearchParams): WahaMessage[] {
  const meId = (session.me ?? FAKE_CLINIC_ME).id;
  const sent = state.sent
    .filter((message) => message.session === session.name && message.chatId === chatId)
    .map((message) => waMessage(specOf(message, meId, 1)) as unknown as WahaMessage);
  const received = state.received
    .filter((item) => item.session === session.name && (item.message.from === chatId || item.message.to === chatId))
    .map((item) => item.message);
  const fromMe = query.get('filter.fromMe');
  const limit = Number(query.get('limit') ?? '10');
  return [...received, ...sent]
    .map((message, index) => ({ message, index }))
    .filter(({ message }) => fromMe === null || String(message.fromMe) === fromMe)
    .sort((a, b) => b.message.timestamp - a.message.timestamp || b.index - a.index)
    .slice(0, Number.isFinite(limit) && limit > 0 ? limit : 10)
    .map(({ message }) => message);
}

function checkExists(state: FakeWahaState, request: FakeRequest): Promise<FakeResponse> {
  const phone = (request.query.get('phone') ?? '').replace(/\D/g, '');
  if (!phone) return Promise.resolve(json(400, badRequest(['phone should not be empty'])));
  return withWorkingSession(state, request.query.get('session') ?? 'default', () => {
    const chatId = state.numberLookups.has(phone) ? state.numberLookups.get(phone) : `${phone}@c.us`;
    return json(200, { numberExists: Boolean(chatId), chatId: chatId ?? null });
  });
}

export const MESSAGING_ROUTES: FakeRoute[] = [
  send('sendText'),
  send('sendImage'),
  send('sendFile'),
  send('sendVoice'),
  send('sendVideo'),
  send('sendLocation'),
  chatAction('sendSeen', (body) => ({ ids: Array.isArray(body.messageIds) ? body.messageIds : [] })),
  chatAction('startTyping', () => ({ result: true })),
  chatAction('stopTyping', () => ({ result: true })),
  {
    method: 'GET',
    pattern: /^\/api\/([^/]+)\/chats\/([^/]+)\/messages$/,
    handle: (state, request, [name, chatId]) =>
      withWorkingSession(state, name, (session) => json(200, chatHistory(state, session, chatId, request.query))),
  },
  { method: 'GET', pattern: /^\/api\/contacts\/check-exists$/, handle: checkExists },
];
