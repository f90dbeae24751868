import { Logger } from '@nestjs/common';
import {
  isWahaError,
  WahaClientError,
  WahaError,
  WahaInvalidResponseError,
  WahaServerError,
  WahaTimeoutError,
  WahaUnreachableError,
} from 'src/modules/waha/client/waha.errors';

export type WahaQuery = Record<string, string | number | boolean | undefined>;

export interface WahaHttpRequest {
  /** Client method name, used in errors and logs instead of the URL (which can embed a chat id). */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: WahaQuery;
  body?: unknown;
  accept?: string;
  timeoutMs?: number;
}

export interface WahaHttpOptions {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
}

/** Read the 2xx response; runs under the same timeout as the request itself. */
export type WahaResponseReader<T> = (response: Response, operation: string) => Promise<T>;

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Transport for WahaClient: URL, auth header, timeout and the mapping of every failure to a WahaError. */
export class WahaHttp {
  constructor(
    private readonly options: WahaHttpOptions,
    private readonly logger: Logger,
  ) {}

  /** Absolute URL on the configured WAHA for a path (and optional raw query string). */
  urlFor(path: string, query?: WahaQuery | string): string {
    const search = typeof query === 'string' ? query : toSearch(query);
    return `${this.options.baseUrl}${path}${search}`;
  }

  async exchange<T>(request: WahaHttpRequest, read: WahaResponseReader<T>, url = this.urlFor(request.path, request.query)): Promise<T> {
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs;
    const startedAt = Date.now();
    try {
      const response = await fetch(url, {
        method: request.method,
        headers: this.headersFor(request),
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(timeoutMs),
        // A redirect would carry X-Api-Key to another origin (fetch strips only Authorization); WAHA never redirects.
        redirect: 'manual',
      });
      this.logger.debug({ operation: request.operation, method: request.method, status: response.status, ms: Date.now() - startedAt }, 'waha call');
      if (response.status < 200 || response.status >= 300) throw await statusError(response, request.operation);
      return await read(response, request.operation);
    } catch (error: unknown) {
      throw transportError(error, request.operation, timeoutMs);
    }
  }

  async json(request: WahaHttpRequest): Promise<unknown> {
    return this.exchange(request, async (response, operation) => {
      const parsed = parseJson(await response.text());
      if (!parsed.ok || parsed.value === null) throw new WahaInvalidResponseError({ operation, status: response.status }, 'expected a JSON body');
      return parsed.value;
    });
  }

  /** JSON where WAHA may also answer an empty body (NestJS sends nothing for a `null` result). */
  async optionalJson(request: WahaHttpRequest): Promise<unknown> {
    return this.exchange(request, async (response, operation) => {
      const parsed = parseJson(await response.text());
      if (!parsed.ok) throw new WahaInvalidResponseError({ operation, status: response.status }, 'expected a JSON body');
      return parsed.value;
    });
  }

  async none(request: WahaHttpRequest): Promise<void> {
    await this.exchange(request, async (response) => {
      await response.arrayBuffer();
    });
  }

  private headersFor(request: WahaHttpRequest): Record<string, string> {
    const headers: Record<string, string> = { Accept: request.accept ?? 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.options.apiKey) headers['X-Api-Key'] = this.options.apiKey;
    return headers;
  }
}

export function toSearch(query: WahaQuery | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** WAHA's error text: Nest `message` (string or validation list), `error` (string or `{key,message}`), or a 500's `exception.message`. */
export function wahaMessageOf(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const { message, error, exception } = body;
  if (typeof message === 'string' && message) return message;
  if (Array.isArray(message) && message.length > 0) return message.map(String).join('; ');
  if (typeof error === 'string' && error) return error;
  if (isRecord(error)) {
    const text = error.message ?? error.key;
    if (typeof text === 'string' && text) return text;
  }
  if (isRecord(exception) && typeof exception.message === 'string') return exception.message;
  return undefined;
}

async function statusError(response: Response, operation: string): Promise<WahaError> {
  const status = response.status;
  if (status < 400) {
    await response.body?.cancel();
    return new WahaInvalidResponseError({ operation, status }, `unexpected status ${status}`);
  }
  const parsed = parseJson(await response.text());
  const body = parsed.ok ? parsed.value : null;
  const wahaMessage = wahaMessageOf(body);
  if (status >= 500) return new WahaServerError({ operation, status, wahaMessage });
  // "Session status is not as expected" bodies name the current status and the expected ones.
  const sessionStatus = isRecord(body) && typeof body.status === 'string' && Array.isArray(body.expected) ? body.status : undefined;
  return new WahaClientError({ operation, status, wahaMessage, sessionStatus });
}

export function transportError(error: unknown, operation: string, timeoutMs: number): WahaError {
  if (isWahaError(error)) return error;
  // Not `instanceof Error`: fetch's DOMException and undici's errors may come from another realm (jest's vm).
  const name = isRecord(error) && typeof error.name === 'string' ? error.name : undefined;
  const code = errorCode(error);
  if (name === 'TimeoutError' || name === 'AbortError' || (code && TIMEOUT_CODES.has(code))) {
    return new WahaTimeoutError({ operation, cause: error }, timeoutMs);
  }
  // Everything else is a socket that never opened or broke (ECONNREFUSED, ENOTFOUND, ECONNRESET, "other side closed").
  return new WahaUnreachableError({ operation, cause: error }, code);
}

/** fetch wraps socket errors: `TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })`, sometimes an AggregateError deeper. */
function errorCode(error: unknown, depth = 0): string | undefined {
  if (!isRecord(error)) return undefined;
  const record = error;
  if (typeof record.code === 'string') return record.code;
  if (depth >= 4) return undefined;
  if (Array.isArray(record.errors)) {
    for (const inner of record.errors) {
      const code = errorCode(inner, depth + 1);
      if (code) return code;
    }
  }
  return errorCode(record.cause, depth + 1);
}
