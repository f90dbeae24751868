import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

export const HEALTH_CHECK_TIMEOUT_MS = 3_000;

/** Runs one probe with a deadline and reports its state and latency in milliseconds. */
export async function timedCheck(
  indicators: HealthIndicatorService,
  key: string,
  probe: () => Promise<unknown>,
): Promise<HealthIndicatorResult> {
  const indicator = indicators.check(key);
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${HEALTH_CHECK_TIMEOUT_MS} ms`)), HEALTH_CHECK_TIMEOUT_MS);
      }),
    ]);
    return indicator.up({ latency_ms: elapsed(started) });
  } catch (error) {
    return indicator.down({ latency_ms: elapsed(started), message: error instanceof Error ? error.message : 'unavailable' });
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
