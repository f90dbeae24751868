import { classifyProviderError } from './classify-provider-error';

/** Shaped like `@google/generative-ai`'s GoogleGenerativeAIFetchError as it reaches us through LangChain. */
class GoogleGenerativeAIFetchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly statusText?: string,
    readonly errorDetails?: unknown[],
  ) {
    super(`[GoogleGenerativeAI Error]: ${message}`);
  }
}

class GoogleGenerativeAIResponseError extends Error {
  constructor(message: string) {
    super(`[GoogleGenerativeAI Error]: ${message}`);
  }
}

const URL = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent';

function fetchError(status: number, statusText: string, message: string, details?: unknown[]): GoogleGenerativeAIFetchError {
  return new GoogleGenerativeAIFetchError(`Error fetching from ${URL}: [${status} ${statusText}] ${message}`, status, statusText, details);
}

describe(classifyProviderError.name, () => {
  it.each([
    ['401', fetchError(401, 'Unauthorized', 'Request had invalid authentication credentials.')],
    ['403 permission denied', fetchError(403, 'Forbidden', 'Permission denied: Consumer has been suspended.')],
    [
      'Gemini’s 400 for an invalid key',
      fetchError(400, 'Bad Request', 'API key not valid. Please pass a valid API key.', [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
      ]),
    ],
    ['an invalid-key reason without the usual message', fetchError(400, 'Bad Request', 'Invalid argument.', [{ reason: 'API_KEY_INVALID' }])],
    ['a status only in the message (re-wrapped error)', new Error(`[GoogleGenerativeAI Error]: Error fetching from ${URL}: [403 Forbidden] Method doesn't allow unregistered callers`)],
    ['status on error.response', Object.assign(new Error('Request failed'), { response: { status: 401 } })],
  ])('should answer auth for %s', (_case, error) => {
    expect(classifyProviderError(error)).toBe('auth');
  });

  it.each([
    ['429', fetchError(429, 'Too Many Requests', 'Resource has been exhausted (e.g. check quota).')],
    [
      'LangChain’s RateLimitQuotaExhaustedError (status kept)',
      Object.assign(new Error('You exceeded your current quota, please check your plan and billing details.'), { name: 'RateLimitQuotaExhaustedError', status: 429 }),
    ],
    ['RESOURCE_EXHAUSTED without a status', new Error('8 RESOURCE_EXHAUSTED: Quota exceeded for quota metric')],
    ['a status given as a string', Object.assign(new Error('slow down'), { status: '429' })],
    ['429 only in the message', new Error(`Error fetching from ${URL}: [429 Too Many Requests] Please retry in 13s.`)],
  ])('should answer quota for %s', (_case, error) => {
    expect(classifyProviderError(error)).toBe('quota');
  });

  it.each([
    ['500', fetchError(500, 'Internal Server Error', 'An internal error has occurred.')],
    ['503 overloaded', fetchError(503, 'Service Unavailable', 'The model is overloaded. Please try again later.')],
    ['a network failure', new Error(`[GoogleGenerativeAI Error]: Error fetching from ${URL}: fetch failed`)],
    ['an abort (timeout)', Object.assign(new Error('The operation was aborted'), { name: 'AbortError' })],
    ['ECONNRESET', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['something unknown', 'boom'],
    ['null', null],
  ])('should answer transient for %s', (_case, error) => {
    expect(classifyProviderError(error)).toBe('transient');
  });

  it.each([
    ['400 bad request', fetchError(400, 'Bad Request', 'Invalid JSON payload received. Unknown name "foo"')],
    ['404 model not found', fetchError(404, 'Not Found', 'models/gemini-9 is not found for API version v1beta')],
    ['a blocked response', new GoogleGenerativeAIResponseError('Candidate was blocked due to SAFETY')],
  ])('should answer invalid_request for %s', (_case, error) => {
    expect(classifyProviderError(error)).toBe('invalid_request');
  });
});
