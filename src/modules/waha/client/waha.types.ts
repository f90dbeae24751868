/**
 * WAHA's wire types, restricted to what Robbot reads. Engine-specific raw objects (`_data`, send
 * responses) stay `unknown`: their shape differs between WEBJS, NOWEB and GOWS and may change.
 */

// `string & {}` keeps editor completion for the known values while accepting statuses added later
// (2026.7.1 added PASSKEY_REQUIRED); callers must treat anything unknown as "not WORKING".
export type WahaSessionStatus = 'STOPPED' | 'STARTING' | 'SCAN_QR_CODE' | 'WORKING' | 'FAILED' | (string & {});

export type WahaEngine = 'WEBJS' | 'WPP' | 'NOWEB' | 'GOWS' | (string & {});

export interface WahaMe {
  id: string;
  pushName?: string | null;
  lid?: string | null;
  jid?: string | null;
}

export interface WahaWebhookRetries {
  policy?: 'constant' | 'linear' | 'exponential';
  delaySeconds?: number;
  attempts?: number;
}

export interface WahaWebhookConfig {
  url: string;
  events: string[];
  hmac?: { key: string } | null;
  retries?: WahaWebhookRetries | null;
  customHeaders?: Array<{ name: string; value: string }> | null;
}

export interface WahaSessionConfig {
  webhooks?: WahaWebhookConfig[];
  /** Echoed in every webhook envelope; string values only. */
  metadata?: Record<string, string>;
  ignore?: { status?: boolean; groups?: boolean; channels?: boolean; broadcast?: boolean };
  client?: { deviceName?: string; browserName?: string };
  webjs?: { tagsEventsOn?: boolean };
  proxy?: unknown;
  debug?: boolean;
}

export interface WahaSessionInfo {
  name: string;
  status: WahaSessionStatus;
  config?: WahaSessionConfig | null;
  me?: WahaMe | null;
  presence?: unknown;
  timestamps?: { activity?: number | null } | null;
  engine?: { engine?: WahaEngine; [key: string]: unknown } | null;
}

/** A file to send: by URL (WAHA downloads it) or inline base64 without a `data:` prefix. */
export type WahaFile = { mimetype: string; filename?: string; url: string } | { mimetype: string; filename?: string; data: string };

export interface WahaMedia {
  url: string | null;
  mimetype: string | null;
  filename: string | null;
  error?: unknown;
}

/** Numbers on WEBJS, strings on NOWEB/GOWS. */
export interface WahaLocation {
  latitude: number | string;
  longitude: number | string;
  live?: boolean;
  name?: string | null;
  address?: string | null;
  url?: string | null;
  description?: string | null;
  thumbnail?: string | null;
}

export interface WahaReplyTo {
  /** A bare key id in the 2026.2.1 code, a serialized id in the docs: accept both. */
  id?: string | null;
  participant?: string | null;
  body?: string | null;
  hasMedia?: boolean;
  media?: WahaMedia | null;
  _data?: unknown;
}

export type WahaAckName = 'ERROR' | 'PENDING' | 'SERVER' | 'DEVICE' | 'READ' | 'PLAYED' | 'UNKNOWN' | (string & {});

/** WAHA's WAMessage: the `message`/`message.any`/`message.ack` payload and the chat-history item. */
export interface WahaMessage {
  id: string;
  /** Unix seconds. */
  timestamp: number;
  from: string;
  to?: string | null;
  fromMe: boolean;
  source?: 'api' | 'app' | (string & {});
  participant?: string | null;
  body?: string | null;
  hasMedia: boolean;
  media?: WahaMedia | null;
  ack?: number | null;
  ackName?: WahaAckName | null;
  location?: WahaLocation | null;
  vCards?: string[];
  replyTo?: WahaReplyTo | null;
  _data?: unknown;
}

export type WahaEventName =
  | 'session.status'
  | 'message'
  | 'message.any'
  | 'message.ack'
  | 'message.ack.group'
  | 'message.reaction'
  | 'message.revoked'
  | 'message.edited'
  | (string & {});

export interface WahaEnvironment {
  version?: string;
  engine?: WahaEngine;
  tier?: string;
  browser?: string | null;
  platform?: string;
  worker?: { id: string | null } | null;
}

/** What WAHA POSTs to a webhook. `id` and `timestamp` are missing before 2025.3.1. */
export interface WahaWebhookEnvelope<TPayload = unknown> {
  id?: string;
  /** Unix milliseconds. */
  timestamp?: number;
  event: WahaEventName;
  session: string;
  metadata?: Record<string, string>;
  me?: WahaMe | null;
  payload: TPayload;
  engine?: WahaEngine;
  environment?: WahaEnvironment;
}

export interface WahaSessionStatusPayload {
  name: string;
  status: WahaSessionStatus;
  statuses?: Array<{ status: WahaSessionStatus; timestamp: number }>;
  data?: unknown;
}

export interface WahaMessageRevokedPayload {
  after: WahaMessage | null;
  before: WahaMessage | null;
  /** Bare WhatsApp key id of the deleted message. */
  revokedMessageId: string | null;
}

export interface WahaSendResult {
  /** Serialized id of the sent message; null when WAHA answered an empty body (WEBJS 2025.6.5, #1083). */
  id: string | null;
  /** The engine's raw response, for diagnostics only. */
  raw: unknown;
}

export interface WahaNumberCheck {
  numberExists: boolean;
  chatId: string | null;
}

export interface WahaDownloadedMedia {
  data: Buffer;
  mimetype: string | null;
}

/** Per-call overrides. */
export interface WahaCallOptions {
  timeoutMs?: number;
}
