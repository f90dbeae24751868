import { AiCallTimeoutError, AiProviderError, classifyModelError, statusOf } from './ai-provider.error';
import { httpError } from 'src/modules/ai/engine/testing/scripted-chat-model';

describe('classifyModelError', () => {
  it.each([
    [httpError(400, 'API key not valid. Please pass a valid API key.'), 'auth'],
    [httpError(403, 'The caller does not have permission'), 'auth'],
    [httpError(429, 'Resource has been exhausted (e.g. check quota).'), 'quota'],
    [httpError(503, 'The model is overloaded.'), 'transient'],
    [httpError(400, 'Request contains an invalid argument.'), 'invalid_request'],
    [new TypeError('fetch failed'), 'transient'],
    [new AiCallTimeoutError(100), 'transient'],
  ])('should classify %p as %s', (error, kind) => {
    expect(classifyModelError(error)).toBe(kind);
  });

  it('should keep the kind of an AiProviderError', () => {
    expect(classifyModelError(new AiProviderError('quota', new Error('x')))).toBe('quota');
  });
});

describe('statusOf', () => {
  it('should read the status field or the status the SDK writes in the message', () => {
    expect(statusOf(Object.assign(new Error('x'), { status: 429 }))).toBe(429);
    expect(statusOf(new Error('[GoogleGenerativeAI Error]: Error fetching from https://x: [502 Bad Gateway] upstream'))).toBe(502);
    expect(statusOf(new Error('no status'))).toBeUndefined();
  });
});
