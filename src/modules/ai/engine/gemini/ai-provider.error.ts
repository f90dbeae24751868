import { ProviderErrorKind, classifyProviderError } from 'src/modules/ai/keys/classify-provider-error';

export type { ProviderErrorKind };

/** What a model call throws once it gives up, so the caller can bench the key or fall back to offline. */
export class AiProviderError extends Error {
  override readonly name = 'AiProviderError';

  constructor(
    readonly kind: ProviderErrorKind,
    override readonly cause: unknown,
    readonly details: { attempts: number; timedOut: boolean; status?: number } = { attempts: 1, timedOut: false },
  ) {
    super(`AI provider call failed (${kind}${details.status ? `, HTTP ${details.status}` : ''}): ${describe(cause)}`);
  }
}

/** Raised by the call runner when an attempt outlives its per-call timeout. */
export class AiCallTimeoutError extends Error {
  override readonly name = 'AiCallTimeoutError';

  constructor(readonly timeoutMs: number) {
    super(`model call timed out after ${timeoutMs} ms`);
  }
}

/**
 * The key module's classification (auth, quota, transient, invalid_request) extended to the engine's own errors,
 * so the engine's retries and the key provider's benching read a failure the same way.
 */
export function classifyModelError(err: unknown): ProviderErrorKind {
  if (err instanceof AiProviderError) return err.kind;
  if (err instanceof AiCallTimeoutError) return 'transient';
  return classifyProviderError(err);
}

/** The HTTP status, for the error's details; the SDK sets `status` or writes "[429 Too Many Requests]" in the message. */
export function statusOf(err: unknown): number | undefined {
  if (!isRecord(err)) return undefined;
  if (typeof err.status === 'number') return err.status;
  if (typeof err.statusCode === 'number') return err.statusCode;
  const match = /\[(\d{3}) [^\]]*\]/.exec(typeof err.message === 'string' ? err.message : '');
  return match ? Number(match[1]) : undefined;
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : 'unknown error';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
