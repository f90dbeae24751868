export type ProviderErrorKind = 'auth' | 'quota' | 'transient' | 'invalid_request';

// Gemini answers an unknown or malformed key with 400 INVALID_ARGUMENT, not 401, so the message and the
// ErrorInfo reason must be read too ("API key not valid. Please pass a valid API key." / API_KEY_INVALID).
const AUTH_PATTERNS = [/api[ _-]?key not valid/i, /api_key_invalid/i, /api key expired/i, /permission[ _-]denied/i, /unauthenticated/i, /invalid api key/i];
const QUOTA_PATTERNS = [/resource[ _-]?exhausted/i, /quota/i, /rate[ _-]?limit/i, /too many requests/i];
// The SDK puts the HTTP status in the message: "Error fetching from …: [429 Too Many Requests] …".
const STATUS_IN_MESSAGE = /\[(\d{3})(?: [^\]]*)?\]/;

/**
 * What a failed Gemini call means for the key that made it. Errors reach us from `@google/generative-ai`
 * (`GoogleGenerativeAIFetchError` with `status`, `statusText`, `errorDetails`), sometimes re-wrapped by
 * LangChain's retry layer (`RateLimitQuotaExhaustedError`/`RateLimitCapacityError`, same status field),
 * or as plain network and abort errors.
 * - `auth`: the key is wrong, expired or not allowed (401/403, or 400 with an invalid-key reason): bench it long.
 * - `quota`: 429 / RESOURCE_EXHAUSTED: bench it for a while, another key may work.
 * - `invalid_request`: our request is at fault (other 4xx, blocked or unparsable content): no key helps.
 * - `transient`: timeouts, 5xx, network failures: retry later with any key.
 */
export function classifyProviderError(err: unknown): ProviderErrorKind {
  const status = statusOf(err);
  const text = describe(err);
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'quota';
  if (AUTH_PATTERNS.some((pattern) => pattern.test(text))) return 'auth';
  if (QUOTA_PATTERNS.some((pattern) => pattern.test(text))) return 'quota';
  if (status !== undefined && status >= 500) return 'transient';
  if (status !== undefined && status >= 400) return 'invalid_request';
  if (nameOf(err) === 'GoogleGenerativeAIResponseError' || nameOf(err) === 'GoogleGenerativeAIRequestInputError') return 'invalid_request';
  if (/\[GoogleGenerativeAI Error\]: (?:Candidate was blocked|Text not available|Bad response)/i.test(text)) return 'invalid_request';
  // Network failures, aborts and anything unrecognised: worth retrying, no reason to blame the key.
  return 'transient';
}

function statusOf(err: unknown): number | undefined {
  if (!isObject(err)) return undefined;
  for (const candidate of [err.status, err.statusCode, isObject(err.response) ? err.response.status : undefined]) {
    if (typeof candidate === 'number') return candidate;
    if (typeof candidate === 'string' && /^\d{3}$/.test(candidate)) return Number(candidate);
  }
  const match = STATUS_IN_MESSAGE.exec(typeof err.message === 'string' ? err.message : '');
  return match ? Number(match[1]) : undefined;
}

/** Message, status text, error code and ErrorInfo reasons in one string to match patterns against. */
function describe(err: unknown): string {
  if (typeof err === 'string') return err;
  if (!isObject(err)) return '';
  const parts: unknown[] = [err.name, err.message, err.statusText, err.code, err.reason];
  if (Array.isArray(err.errorDetails)) {
    for (const detail of err.errorDetails) if (isObject(detail)) parts.push(detail.reason, detail['@type']);
  }
  if (isObject(err.cause)) parts.push(describe(err.cause));
  return parts.filter((part): part is string => typeof part === 'string').join(' ');
}

function nameOf(err: unknown): string | undefined {
  if (!isObject(err)) return undefined;
  const constructorName = typeof err.constructor === 'function' ? err.constructor.name : undefined;
  return typeof err.name === 'string' && err.name !== 'Error' ? err.name : constructorName;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
