import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Requests per second across all connections (autocannon `overallRate`); omitted = as fast as possible. */
  overallRate?: number;
  headers?: Record<string, string>;
  /** autocannon's request templates (per-request bodies, response hooks); omitted = GET `url`. */
  requests?: autocannon.Request[];
}

export interface LoadSummary {
  /** Mean of autocannon's per-second samples of completed requests (its "Req/Sec Avg"). */
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  /** Completed responses, any status. */
  requests: number;
  durationSeconds: number;
  non2xx: number;
  /** Connection errors, timeouts included (autocannon counts a timeout as an error too). */
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** `Date.now()` when autocannon reported the end of the run. */
  endedAt: number;
}

/** The autocannon run in progress, so a signal handler can stop it. */
let current: autocannon.Instance | null = null;

export function stopCurrentLoad(): void {
  current?.stop();
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Runs autocannon in this process. Latency is taken from every response (time from writing the request
 * to the end of its response, sub-millisecond), not from autocannon's integer-millisecond histogram.
 */
export function runLoad(spec: LoadSpec): Promise<LoadSummary> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.durationSeconds,
        overallRate: spec.overallRate,
        headers: spec.headers,
        requests: spec.requests,
        pipelining: 1,
        timeout: 10,
        // Latencies are collected below; spare autocannon the synthetic samples it adds under a rate
        // (autocannon rejects the option when there is no rate).
        ...(spec.overallRate ? { ignoreCoordinatedOmission: true } : {}),
      },
      (error: unknown, result: autocannon.Result) => {
        const endedAt = Date.now();
        current = null;
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const sorted = Float64Array.from(latencies).sort();
        const sum = sorted.reduce((total, value) => total + value, 0);
        const statusCodes: Record<string, number> = {};
        for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stats.count ?? 0;
        resolve({
          rps: round(result.requests.average, 1),
          p50Ms: round(percentile(sorted, 50), 2),
          p90Ms: round(percentile(sorted, 90), 2),
          p95Ms: round(percentile(sorted, 95), 2),
          p99Ms: round(percentile(sorted, 99), 2),
          meanMs: round(sorted.length ? sum / sorted.length : Number.NaN, 2),
          maxMs: round(sorted.length ? sorted[sorted.length - 1] : Number.NaN, 2),
          requests: result.requests.total,
          durationSeconds: result.duration,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCodes,
          endedAt,
        });
      },
    );
    current = instance;
    instance.on('response', (_client, _statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}
