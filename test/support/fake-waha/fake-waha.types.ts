import { IncomingHttpHeaders } from 'node:http';
import { WahaLocation, WahaMe, WahaSessionConfig, WahaSessionStatus } from 'src/modules/waha/client/waha.types';

export interface RecordedRequest {
  method: string;
  /** Path without the query string, percent-decoded. */
  path: string;
  /** The request target exactly as received (path and query, still encoded). */
  url: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or null when there was none or it was not JSON. */
  body: unknown;
  at: Date;
}

/** What a route answers: JSON `body`, raw bytes, or nothing (empty body) when both are absent. */
export interface FakeResponse {
  status: number;
  body?: unknown;
  raw?: Buffer;
  contentType?: string;
  /** Send `raw` without Content-Length, in small chunks (to exercise streaming size caps). */
  chunked?: boolean;
}

export interface FakeRequest {
  method: string;
  path: string;
  url: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeSession {
  name: string;
  status: WahaSessionStatus;
  config: WahaSessionConfig | null;
  me: WahaMe | null;
  /** Whether the device is linked: start/restart go straight to WORKING instead of SCAN_QR_CODE. */
  paired: boolean;
  /** Last three status changes, as WAHA puts them in `session.status` payloads. */
  statuses: Array<{ status: WahaSessionStatus; timestamp: number }>;
}

export type FakeSendEndpoint = 'sendText' | 'sendImage' | 'sendFile' | 'sendVoice' | 'sendVideo' | 'sendLocation';

export interface FakeSentMessage {
  /** Serialized id returned to the caller: `true_<chatId>_3EB0…`. */
  id: string;
  keyId: string;
  session: string;
  chatId: string;
  endpoint: FakeSendEndpoint;
  /** WEBJS `_data.type`: chat, image, document, ptt, video, location. */
  type: string;
  /** Text, caption, or null. */
  body: string | null;
  location: WahaLocation | null;
  replyTo: string | null;
  /** Unix seconds. */
  timestamp: number;
  /** The JSON body of the send request as received. */
  request: Record<string, unknown>;
}

export type FailMode = '5xx' | '4xx' | 'timeout';

export interface FailOptions {
  /** How many matching requests fail; default: all until heal(). */
  times?: number;
  /** Only requests whose path starts with this (e.g. `/api/sendText`). */
  pathPrefix?: string;
  /** 4xx only: 422 (default, WAHA's session-not-ready body) or 400 (Nest validation body). */
  status?: 400 | 422;
  /**
   * timeout only: carry out the request (record the sent message…) and then never answer, like a WAHA
   * that delivered a message but whose response was lost.
   */
  sideEffects?: boolean;
}

export interface DeliverOptions {
  url: string;
  hmacKey?: string;
  headers?: Record<string, string>;
  /** Reuse a request id, as WAHA does on retries of one delivery. */
  requestId?: string;
  timeoutMs?: number;
}

export interface DeliveryResult {
  status: number;
  body: string;
}

export interface DeliveryRecord extends DeliveryResult {
  url: string;
  event: string | null;
  at: Date;
}

export interface FakeWahaOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** When set, every path but /ping needs `X-Api-Key`. */
  apiKey?: string;
  /** POST `session.status` to the session's webhook on every status change, like the real WAHA. */
  emitStatusEvents?: boolean;
  /** Serve the developer control API under /__fake/ (see control-api.ts). */
  controlApi?: boolean;
}
