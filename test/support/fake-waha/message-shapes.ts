import { randomBytes } from 'node:crypto';
import { WahaLocation, WahaReplyTo } from 'src/modules/waha/client/waha.types';

/** WEBJS message shapes: WAHA's WAMessage (webhook payloads, chat history) and the raw send response. */

const ACK_NAMES = new Map<number, string>([
  [-1, 'ERROR'],
  [0, 'PENDING'],
  [1, 'SERVER'],
  [2, 'DEVICE'],
  [3, 'READ'],
  [4, 'PLAYED'],
]);

export function ackName(ack: number): string {
  return ACK_NAMES.get(ack) ?? 'UNKNOWN';
}

/** WhatsApp key ids: WhatsApp Web/WAHA `3EB0` + 16 hex, Android 32 hex. */
export function randomKeyId(fromMe: boolean): string {
  return fromMe ? `3EB0${randomBytes(8).toString('hex').toUpperCase()}` : randomBytes(16).toString('hex').toUpperCase();
}

export function serializeId(fromMe: boolean, chatId: string, keyId: string): string {
  return `${fromMe}_${chatId}_${keyId}`;
}

export function parseSerializedId(id: string): { fromMe: boolean; chatId: string; keyId: string } {
  const [fromMe, chatId, keyId] = id.split('_');
  if ((fromMe !== 'true' && fromMe !== 'false') || !chatId || !keyId) throw new Error(`not a serialized message id: ${id}`);
  return { fromMe: fromMe === 'true', chatId, keyId };
}

/** Bare phones get `@c.us`, as WAHA does when sending. */
export function normalizeChatId(chatId: string): string {
  return chatId.includes('@') ? chatId : `${chatId.replace(/\D/g, '')}@c.us`;
}

export function typeForMimetype(mimetype: string): string {
  if (mimetype.startsWith('image/')) return 'image';
  if (mimetype.startsWith('audio/ogg')) return 'ptt';
  if (mimetype.startsWith('audio/')) return 'audio';
  if (mimetype.startsWith('video/')) return 'video';
  return 'document';
}

export interface MessageSpec {
  fromMe: boolean;
  from: string;
  to: string;
  /** The counterpart's chat: `remote` of the id. */
  chatId: string;
  keyId: string;
  /** Unix seconds. */
  timestamp: number;
  body: string | null;
  source: 'api' | 'app';
  type: string;
  ack: number;
  media?: { url: string; mimetype: string; filename?: string | null } | null;
  location?: WahaLocation | null;
  replyTo?: WahaReplyTo | null;
  notifyName?: string;
  subtype?: string;
  isNewMsg?: boolean;
}

function idObject(spec: MessageSpec): Record<string, unknown> {
  return { fromMe: spec.fromMe, remote: spec.chatId, id: spec.keyId, _serialized: serializeId(spec.fromMe, spec.chatId, spec.keyId) };
}

/** WEBJS's WhatsApp Web model (`_data`), trimmed like the fixtures; consumers must not rely on it. */
export function webjsData(spec: MessageSpec): Record<string, unknown> {
  const media = spec.media ? { mimetype: spec.media.mimetype, size: 1024, mediaKeyTimestamp: spec.timestamp - 1 } : {};
  const location = spec.location ? { lat: spec.location.latitude, lng: spec.location.longitude, loc: spec.location.description ?? '' } : {};
  return {
    id: idObject(spec),
    viewed: false,
    body: spec.body ?? '',
    type: spec.type,
    ...(spec.subtype ? { subtype: spec.subtype } : {}),
    t: spec.timestamp,
    ...(spec.fromMe ? {} : { notifyName: spec.notifyName ?? 'Maria Souza' }),
    from: spec.from,
    to: spec.to,
    ack: spec.ack,
    invis: false,
    isNewMsg: spec.isNewMsg ?? true,
    star: false,
    ...(spec.fromMe ? {} : { recvFresh: true }),
    ...media,
    ...location,
    broadcast: false,
    mentionedJidList: [],
    groupMentions: [],
    isForwarded: false,
    hasReaction: false,
    isEphemeral: false,
    links: [],
  };
}

/** WAHA's WAMessage, field order as in the fixtures. */
export function waMessage(spec: MessageSpec): Record<string, unknown> {
  return {
    id: serializeId(spec.fromMe, spec.chatId, spec.keyId),
    timestamp: spec.timestamp,
    from: spec.from,
    fromMe: spec.fromMe,
    source: spec.source,
    to: spec.to,
    body: spec.body,
    hasMedia: Boolean(spec.media),
    media: spec.media ? { url: spec.media.url, filename: spec.media.filename ?? null, mimetype: spec.media.mimetype } : null,
    ack: spec.ack,
    ackName: ackName(spec.ack),
    location: spec.location ?? null,
    vCards: [],
    ...(spec.replyTo ? { replyTo: spec.replyTo } : {}),
    _data: webjsData(spec),
  };
}

/** whatsapp-web.js `Message` as `POST /api/send*` returns it on WEBJS (fixtures/waha/send-text-response.json). */
export function webjsSendResponse(spec: MessageSpec): Record<string, unknown> {
  return {
    _data: webjsData(spec),
    id: idObject(spec),
    ack: spec.ack,
    hasMedia: spec.type !== 'chat' && spec.type !== 'location',
    body: spec.body ?? '',
    type: spec.type,
    timestamp: spec.timestamp,
    from: spec.from,
    to: spec.to,
    deviceType: 'web',
    isForwarded: false,
    forwardingScore: 0,
    isStatus: false,
    isStarred: false,
    broadcast: false,
    fromMe: true,
    hasQuotedMsg: Boolean(spec.replyTo),
    hasReaction: false,
    ...(spec.location ? { location: spec.location } : {}),
    vCards: [],
    mentionedIds: [],
    groupMentions: [],
    isGif: false,
    isEphemeral: false,
    links: [],
  };
}
