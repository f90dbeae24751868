import { AiCallTimeoutError, AiProviderError, classifyModelError, statusOf } from './ai-provider.error';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryPolicy {
  /** Per attempt; a hung request counts as a transient failure. */
  timeoutMs: number;
  /** Extra attempts after the first, for transient failures only. */
  retries: number;
  /** Delay before the first retry; doubles each time, capped by `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
}

export interface CallResult<T> {
  value: T;
  attempts: number;
  /** Wall time of all attempts and waits: what the patient waited. */
  latencyMs: number;
}

/**
 * Runs one model call with a timeout per attempt and retries transient failures with exponential backoff. Auth,
 * quota and invalid-request errors are thrown at once as `AiProviderError`: retrying them with the same key only
 * burns the key's quota, and the caller is the one that can switch keys.
 */
export async function runWithRetry<T>(
  call: (signal: AbortSignal) => Promise<T>,
  policy: RetryPolicy,
  sleep: Sleep = realSleep,
): Promise<CallResult<T>> {
  const started = performance.now();
  for (let attempt = 1; ; attempt += 1) {
    try {
      const value = await withTimeout(call, policy.timeoutMs);
      return { value, attempts: attempt, latencyMs: Math.round(performance.now() - started) };
    } catch (err) {
      const kind = classifyModelError(err);
      if (kind !== 'transient' || attempt > policy.retries) {
        const details = { attempts: attempt, timedOut: err instanceof AiCallTimeoutError, status: statusOf(err) };
        throw err instanceof AiProviderError ? err : new AiProviderError(kind, err, details);
      }
      await sleep(Math.min(policy.backoffMs * 2 ** (attempt - 1), policy.maxBackoffMs));
    }
  }
}

async function withTimeout<T>(call: (signal: AbortSignal) => Promise<T>, timeoutMs: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new AiCallTimeoutError(timeoutMs));
      controller.abort();
    }, timeoutMs);
  });
  try {
    // The race matters for clients that ignore the signal; the abort frees the socket of those that honour it.
    return await Promise.race([call(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
