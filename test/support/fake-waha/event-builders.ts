import { randomBytes } from 'node:crypto';
import {
  WahaLocation,
  WahaMe,
  WahaMessage,
  WahaMessageRevokedPayload,
  WahaReplyTo,
  WahaSessionStatus,
  WahaSessionStatusPayload,
  WahaWebhookEnvelope,
} from 'src/modules/waha/client/waha.types';
import { MessageSpec, parseSerializedId, randomKeyId, typeForMimetype, waMessage } from 'test/support/fake-waha/message-shapes';
import { FAKE_CLINIC_ME, FAKE_ENVIRONMENT, TINY_JPEG_BASE64 } from 'test/support/fake-waha/wire-bodies';

/** Builders of WEBJS webhook envelopes shaped like /work/shared/fixtures/waha/*.json. */

interface EnvelopeOptions {
  session: string;
  /** Defaults to the fixtures' clinic account (null for session.status before WORKING). */
  me?: WahaMe | null;
  /** Omitted when not given, as WAHA omits it for sessions without metadata. */
  metadata?: Record<string, string>;
  /** Envelope time, Unix ms. */
  eventTimestamp?: number;
}

export interface MessageEventOptions extends EnvelopeOptions {
  /**
   * The counterpart's chat id (the patient). With `fromMe: true` and no `to`, the payload reads
   * from = me, to = this chat, as WEBJS reports messages the clinic sends.
   */
  from: string;
  to?: string;
  body?: string | null;
  fromMe?: boolean;
  event?: 'message' | 'message.any';
  keyId?: string;
  /** Payload time, Unix seconds. */
  timestamp?: number;
  source?: 'api' | 'app';
  hasMedia?: boolean;
  media?: { url: string; mimetype: string; filename?: string | null } | null;
  /** WEBJS `_data.type`; derived from the media mimetype or location when omitted. */
  type?: string;
  location?: WahaLocation | null;
  replyTo?: WahaReplyTo | null;
  notifyName?: string;
  ack?: number;
}

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** `evt_` + a lower-case ULID: 10 time characters then 16 random ones. */
export function newEventId(now = Date.now()): string {
  let time = '';
  for (let rest = now, i = 0; i < 10; i += 1, rest = Math.floor(rest / 32)) time = CROCKFORD[rest % 32] + time;
  const random = [...randomBytes(16)].map((byte) => CROCKFORD[byte % 32]).join('');
  return `evt_${time}${random}`;
}

export function envelope<T>(event: string, options: EnvelopeOptions, payload: T, defaultMe: WahaMe | null = FAKE_CLINIC_ME): WahaWebhookEnvelope<T> {
  const timestamp = options.eventTimestamp ?? Date.now();
  return {
    id: newEventId(timestamp),
    timestamp,
    event,
    session: options.session,
    ...(options.metadata ? { metadata: options.metadata } : {}),
    me: options.me === undefined ? defaultMe : options.me,
    payload,
    engine: 'WEBJS',
    environment: { ...FAKE_ENVIRONMENT, worker: { id: null } },
  };
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function messageSpec(options: MessageEventOptions): MessageSpec {
  const fromMe = options.fromMe ?? false;
  const meId = (options.me ?? FAKE_CLINIC_ME).id;
  const literal = !fromMe || options.to !== undefined;
  const from = fromMe && !literal ? meId : options.from;
  const to = options.to ?? (fromMe ? options.from : meId);
  const media = options.media ?? null;
  const location = options.location ?? null;
  return {
    fromMe,
    from,
    to,
    chatId: fromMe ? to : from,
    keyId: options.keyId ?? randomKeyId(fromMe),
    timestamp: options.timestamp ?? nowSeconds(),
    body: location ? TINY_JPEG_BASE64 : (options.body ?? ''),
    source: options.source ?? (fromMe ? 'api' : 'app'),
    type: options.type ?? (media ? typeForMimetype(media.mimetype) : location ? 'location' : 'chat'),
    ack: options.ack ?? 1,
    media,
    location: location ? { live: false, ...location, thumbnail: location.thumbnail ?? TINY_JPEG_BASE64 } : null,
    replyTo: options.replyTo ?? null,
    notifyName: options.notifyName,
  };
}

/** A `message` (default) or `message.any` event. */
export function buildMessageEvent(options: MessageEventOptions): WahaWebhookEnvelope<WahaMessage> {
  const payload = waMessage(messageSpec(options)) as unknown as WahaMessage;
  if (options.hasMedia !== undefined) payload.hasMedia = options.hasMedia;
  return envelope(options.event ?? 'message', options, payload);
}

export interface AckEventOptions extends EnvelopeOptions {
  /** Serialized id of a message we sent, e.g. the id returned by sendText. */
  messageId: string;
  ack: number;
  body?: string | null;
  timestamp?: number;
}

/** A `message.ack` for a message we sent; WEBJS sends the whole WAMessage. */
export function buildAckEvent(options: AckEventOptions): WahaWebhookEnvelope<WahaMessage> {
  const { chatId, keyId } = parseSerializedId(options.messageId);
  const meId = (options.me ?? FAKE_CLINIC_ME).id;
  const spec: MessageSpec = {
    fromMe: true,
    from: meId,
    to: chatId,
    chatId,
    keyId,
    timestamp: options.timestamp ?? nowSeconds(),
    body: options.body ?? '',
    source: 'api',
    type: 'chat',
    ack: options.ack,
    isNewMsg: false,
  };
  return envelope('message.ack', options, waMessage(spec) as unknown as WahaMessage);
}

export interface SessionStatusEventOptions extends EnvelopeOptions {
  status: WahaSessionStatus;
  statuses?: Array<{ status: WahaSessionStatus; timestamp: number }>;
}

/** `me` is null until WORKING, as WAHA sends it. */
export function buildSessionStatusEvent(options: SessionStatusEventOptions): WahaWebhookEnvelope<WahaSessionStatusPayload> {
  const statuses = options.statuses ?? [{ status: options.status, timestamp: options.eventTimestamp ?? Date.now() }];
  const payload: WahaSessionStatusPayload = { name: options.session, status: options.status, statuses, data: null };
  return envelope('session.status', options, payload, options.status === 'WORKING' ? FAKE_CLINIC_ME : null);
}

export interface RevokedEventOptions extends EnvelopeOptions {
  /** Serialized id of the message deleted for everyone. */
  messageId: string;
  before?: WahaMessage | null;
  timestamp?: number;
}

/** `message.revoked`: `after` is the revoke action (same id on WEBJS), `revokedMessageId` the bare key id. */
export function buildRevokedEvent(options: RevokedEventOptions): WahaWebhookEnvelope<WahaMessageRevokedPayload> {
  const { fromMe, chatId, keyId } = parseSerializedId(options.messageId);
  const meId = (options.me ?? FAKE_CLINIC_ME).id;
  const spec: MessageSpec = {
    fromMe,
    from: fromMe ? meId : chatId,
    to: fromMe ? chatId : meId,
    chatId,
    keyId,
    timestamp: options.timestamp ?? nowSeconds(),
    body: '',
    source: fromMe ? 'api' : 'app',
    type: 'revoked',
    subtype: 'sender_revoke',
    ack: 1,
    isNewMsg: false,
  };
  const payload: WahaMessageRevokedPayload = {
    after: waMessage(spec) as unknown as WahaMessage,
    before: options.before ?? null,
    revokedMessageId: keyId,
  };
  return envelope('message.revoked', options, payload);
}
