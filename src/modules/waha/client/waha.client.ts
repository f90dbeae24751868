import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { wahaConfig } from 'src/config/waha.config';
import { downloadMediaFrom } from 'src/modules/waha/client/waha-media';
import { extractSentMessageId } from 'src/modules/waha/client/waha-send-id';
import { isRecord, parseJson, WahaHttp, WahaHttpRequest } from 'src/modules/waha/client/waha-http';
import { WahaInvalidResponseError } from 'src/modules/waha/client/waha.errors';
import {
  WahaCallOptions,
  WahaDownloadedMedia,
  WahaFile,
  WahaMe,
  WahaMessage,
  WahaNumberCheck,
  WahaSendResult,
  WahaSessionConfig,
  WahaSessionInfo,
} from 'src/modules/waha/client/waha.types';

interface ChatTarget {
  session: string;
  chatId: string;
}
interface MediaInput extends ChatTarget {
  file: WahaFile;
  caption?: string;
  replyTo?: string;
}

const seg = encodeURIComponent;

/** Typed client for WAHA's REST API. Every failure is a WahaError (see waha.errors.ts). */
@Injectable()
export class WahaClient {
  private readonly logger = new Logger(WahaClient.name);
  private readonly http: WahaHttp;

  constructor(@Inject(wahaConfig.KEY) private readonly config: ConfigType<typeof wahaConfig>) {
    this.http = new WahaHttp({ baseUrl: config.baseUrl, apiKey: config.apiKey, timeoutMs: config.timeoutMs }, this.logger);
  }

  async ping(call?: WahaCallOptions): Promise<void> {
    await this.http.none({ operation: 'ping', method: 'GET', path: '/ping', ...call });
  }

  async listSessions(call?: WahaCallOptions): Promise<WahaSessionInfo[]> {
    const body = await this.http.json({ operation: 'listSessions', method: 'GET', path: '/api/sessions', query: { all: true }, ...call });
    if (!Array.isArray(body)) throw invalid('listSessions', 'expected an array of sessions');
    return body.map((item) => asSessionInfo(item, 'listSessions'));
  }

  /** `start` is always sent: docs say sessions start by default, the 2026.2.1 code defaults to false. */
  async createSession(input: { name: string; start?: boolean; config?: WahaSessionConfig }, call?: WahaCallOptions): Promise<WahaSessionInfo> {
    const body = { name: input.name, start: input.start ?? true, ...(input.config ? { config: input.config } : {}) };
    return this.session({ operation: 'createSession', method: 'POST', path: '/api/sessions', body, ...call });
  }

  getSession(session: string, call?: WahaCallOptions): Promise<WahaSessionInfo> {
    return this.session({ operation: 'getSession', method: 'GET', path: `/api/sessions/${seg(session)}`, ...call });
  }

  startSession(session: string, call?: WahaCallOptions): Promise<WahaSessionInfo> {
    return this.sessionAction('startSession', session, 'start', call);
  }

  stopSession(session: string, call?: WahaCallOptions): Promise<WahaSessionInfo> {
    return this.sessionAction('stopSession', session, 'stop', call);
  }

  restartSession(session: string, call?: WahaCallOptions): Promise<WahaSessionInfo> {
    return this.sessionAction('restartSession', session, 'restart', call);
  }

  /** Unlinks the device (drops auth); a running session restarts and asks for a new QR. */
  logoutSession(session: string, call?: WahaCallOptions): Promise<WahaSessionInfo> {
    return this.sessionAction('logoutSession', session, 'logout', call);
  }

  async deleteSession(session: string, call?: WahaCallOptions): Promise<void> {
    await this.http.none({ operation: 'deleteSession', method: 'DELETE', path: `/api/sessions/${seg(session)}`, ...call });
  }

  /** The QR as PNG bytes. Only while the session is SCAN_QR_CODE; otherwise a 422 WahaClientError. */
  async getQrImage(session: string, call?: WahaCallOptions): Promise<Buffer> {
    const request: WahaHttpRequest = {
      operation: 'getQrImage',
      method: 'GET',
      path: `/api/${seg(session)}/auth/qr`,
      query: { format: 'image' },
      accept: 'image/png',
      ...call,
    };
    return this.http.exchange(request, async (response, operation) => {
      const data = Buffer.from(await response.arrayBuffer());
      const contentType = response.headers.get('content-type') ?? '';
      if (contentType.startsWith('image/')) return data;
      // Some versions answer `{mimetype, data}` whatever the Accept header says.
      const parsed = parseJson(data.toString('utf8'));
      if (parsed.ok && isRecord(parsed.value) && typeof parsed.value.data === 'string') return Buffer.from(parsed.value.data, 'base64');
      throw invalid(operation, 'expected a PNG image');
    });
  }

  /** The string encoded in the QR (`2@…`), for rendering it ourselves. */
  async getQrRaw(session: string, call?: WahaCallOptions): Promise<string> {
    const path = `/api/${seg(session)}/auth/qr`;
    const body = await this.http.json({ operation: 'getQrRaw', method: 'GET', path, query: { format: 'raw' }, ...call });
    if (!isRecord(body) || typeof body.value !== 'string') throw invalid('getQrRaw', 'expected {value}');
    return body.value;
  }

  async getMe(session: string, call?: WahaCallOptions): Promise<WahaMe | null> {
    const body = await this.http.optionalJson({ operation: 'getMe', method: 'GET', path: `/api/sessions/${seg(session)}/me`, ...call });
    if (body === null) return null;
    if (!isRecord(body) || typeof body.id !== 'string') throw invalid('getMe', 'expected {id, pushName}');
    return body as unknown as WahaMe;
  }

  sendText(input: ChatTarget & { text: string; replyTo?: string; linkPreview?: boolean }, call?: WahaCallOptions): Promise<WahaSendResult> {
    const { replyTo, ...rest } = input;
    return this.send('sendText', { ...rest, reply_to: replyTo }, call);
  }

  sendImage(input: MediaInput, call?: WahaCallOptions): Promise<WahaSendResult> {
    return this.sendMedia('sendImage', input, call);
  }

  /** Sends a document. */
  sendFile(input: MediaInput, call?: WahaCallOptions): Promise<WahaSendResult> {
    return this.sendMedia('sendFile', input, call);
  }

  sendVideo(input: MediaInput, call?: WahaCallOptions): Promise<WahaSendResult> {
    return this.sendMedia('sendVideo', input, call);
  }

  /** Voice notes must be Opus in OGG; `convert: true` lets WAHA run ffmpeg on mp3/wav. */
  sendVoice(input: ChatTarget & { file: WahaFile; convert?: boolean; replyTo?: string }, call?: WahaCallOptions): Promise<WahaSendResult> {
    const { replyTo, ...rest } = input;
    return this.send('sendVoice', { ...rest, reply_to: replyTo }, call);
  }

  sendLocation(
    input: ChatTarget & { latitude: number; longitude: number; title?: string; replyTo?: string },
    call?: WahaCallOptions,
  ): Promise<WahaSendResult> {
    const { replyTo, ...rest } = input;
    return this.send('sendLocation', { ...rest, reply_to: replyTo }, call);
  }

  /** Without `messageIds` WAHA marks the chat's recent unread messages (WEBJS always marks the whole chat). */
  async sendSeen(input: ChatTarget & { messageIds?: string[] }, call?: WahaCallOptions): Promise<void> {
    await this.post('sendSeen', '/api/sendSeen', input, call);
  }

  async startTyping(input: ChatTarget, call?: WahaCallOptions): Promise<void> {
    await this.post('startTyping', '/api/startTyping', input, call);
  }

  /** WAHA never stops typing by itself. */
  async stopTyping(input: ChatTarget, call?: WahaCallOptions): Promise<void> {
    await this.post('stopTyping', '/api/stopTyping', input, call);
  }

  /** Newest first. Used after a crash to learn whether a message already went out before sending it again. */
  async getChatMessages(session: string, chatId: string, options: { limit: number; fromMe?: boolean } & WahaCallOptions): Promise<WahaMessage[]> {
    const body = await this.http.json({
      operation: 'getChatMessages',
      method: 'GET',
      path: `/api/${seg(session)}/chats/${seg(chatId)}/messages`,
      query: { limit: options.limit, downloadMedia: false, 'filter.fromMe': options.fromMe },
      timeoutMs: options.timeoutMs,
    });
    if (!Array.isArray(body) || !body.every((item) => isRecord(item) && typeof item.id === 'string')) {
      throw invalid('getChatMessages', 'expected an array of messages');
    }
    return body as WahaMessage[];
  }

  /** Resolves the chat id WhatsApp really uses for a phone (Brazilian numbers may lack the 9th digit). */
  async checkNumberExists(session: string, phone: string, call?: WahaCallOptions): Promise<WahaNumberCheck> {
    const query = { phone, session };
    const body = await this.http.json({ operation: 'checkNumberExists', method: 'GET', path: '/api/contacts/check-exists', query, ...call });
    if (!isRecord(body) || typeof body.numberExists !== 'boolean') throw invalid('checkNumberExists', 'expected {numberExists}');
    return { numberExists: body.numberExists, chatId: typeof body.chatId === 'string' && body.chatId ? body.chatId : null };
  }

  /**
   * Downloads a `media.url` from a webhook. Only its path and query are kept and fetched from our
   * configured WAHA: the host in the URL is WAHA_BASE_URL (often `localhost`), and trusting it would let
   * a forged event point us, with our API key, at any host.
   */
  downloadMedia(mediaUrl: string, options: { maxBytes: number } & WahaCallOptions): Promise<WahaDownloadedMedia> {
    return downloadMediaFrom(this.http, mediaUrl, options);
  }

  private async session(request: WahaHttpRequest): Promise<WahaSessionInfo> {
    return asSessionInfo(await this.http.json(request), request.operation);
  }

  private sessionAction(operation: string, session: string, action: string, call?: WahaCallOptions): Promise<WahaSessionInfo> {
    return this.session({ operation, method: 'POST', path: `/api/sessions/${seg(session)}/${action}`, ...call });
  }

  private sendMedia(operation: string, input: MediaInput, call?: WahaCallOptions): Promise<WahaSendResult> {
    const { replyTo, ...rest } = input;
    return this.send(operation, { ...rest, reply_to: replyTo }, call);
  }

  private async post(operation: string, path: string, body: object, call?: WahaCallOptions): Promise<void> {
    await this.http.none({ operation, method: 'POST', path, body: withoutUndefined(body), ...call });
  }

  /**
   * Once WAHA answered 2xx the message is out, so an odd body must not become a (retryable) error that
   * would send it twice: an empty or non-JSON body gives `id: null` and the caller matches `message.any`.
   */
  private send(operation: string, body: object, call?: WahaCallOptions): Promise<WahaSendResult> {
    const request: WahaHttpRequest = { operation, method: 'POST', path: `/api/${operation}`, body: withoutUndefined(body), ...call };
    return this.http.exchange(request, async (response) => {
      const text = await response.text();
      const parsed = parseJson(text);
      if (!parsed.ok) return { id: null, raw: text };
      return { id: extractSentMessageId(parsed.value), raw: parsed.value };
    });
  }
}

function asSessionInfo(value: unknown, operation: string): WahaSessionInfo {
  if (!isRecord(value) || typeof value.name !== 'string' || typeof value.status !== 'string') {
    throw invalid(operation, 'expected a session {name, status}');
  }
  return value as unknown as WahaSessionInfo;
}

function invalid(operation: string, reason: string): WahaInvalidResponseError {
  return new WahaInvalidResponseError({ operation }, reason);
}

function withoutUndefined(body: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
