import { AiProviderError } from './ai-provider.error';
import { RetryPolicy, runWithRetry } from './call-runner';
import { httpError } from 'src/modules/ai/engine/testing/scripted-chat-model';

describe('runWithRetry', () => {
  const policy: RetryPolicy = { timeoutMs: 1_000, retries: 3, backoffMs: 500, maxBackoffMs: 1_500 };
  const sleep = jest.fn<Promise<void>, [number]>();

  beforeEach(() => sleep.mockReset().mockResolvedValue(undefined));

  it('should return the value and the number of attempts', async () => {
    const call = jest.fn().mockRejectedValueOnce(httpError(503, 'overloaded')).mockResolvedValue('ok');
    await expect(runWithRetry(call, policy, sleep)).resolves.toMatchObject({ value: 'ok', attempts: 2 });
  });

  it('should cap the backoff', async () => {
    const call = jest.fn().mockRejectedValue(httpError(503, 'overloaded'));
    await expect(runWithRetry(call, policy, sleep)).rejects.toBeInstanceOf(AiProviderError);
    expect(sleep.mock.calls).toEqual([[500], [1_000], [1_500]]);
    expect(call).toHaveBeenCalledTimes(4);
  });

  it('should pass an abort signal that fires on timeout', async () => {
    let seen: AbortSignal | undefined;
    const call = jest.fn((signal: AbortSignal) => {
      seen = signal;
      return new Promise<string>(() => undefined);
    });
    await expect(runWithRetry(call, { ...policy, timeoutMs: 5, retries: 0 }, sleep)).rejects.toMatchObject({ kind: 'transient', details: { timedOut: true } });
    expect(seen?.aborted).toBe(true);
  });
});
