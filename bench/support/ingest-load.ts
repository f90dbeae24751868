/**
 * autocannon posting one signed webhook per request (a fresh body each time, from `next`), recording every
 * response's latency and outcome. With pipelining 1 a connection has one request in flight, so the
 * per-connection context set when the request is built still names that request when its response arrives:
 * that is how each `{"status":"accepted"}` is tied to the webhook it acknowledges.
 */
import autocannon from 'autocannon';
import { SignedWebhook } from './ingest-bodies';

export interface IngestLoadSpec {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Requests per second across all connections (autocannon `overallRate`); omitted = as fast as possible. */
  overallRate?: number;
  next: () => SignedWebhook;
}

export interface IngestLoadSummary {
  /** Mean of autocannon's per-second samples of completed responses (any status). */
  rps: number;
  /** `{"status":"accepted"}` responses per second of the run's actual duration. */
  acceptedPerS: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  /** Requests written (including the ones still in flight when the run ended). */
  sent: number;
  /** Completed responses, any status. */
  requests: number;
  durationSeconds: number;
  accepted: number;
  /** 200 with another body (`duplicate`, `ignored`, anything else), by body. */
  other2xx: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Indices of the webhooks answered `accepted`. */
  acceptedIndices: number[];
  /** `Date.now()` when autocannon reported the end of the run. */
  endedAt: number;
}

const ACCEPTED_BODY = '{"status":"accepted"}';

let current: autocannon.Instance | null = null;

export function stopCurrentIngestLoad(): void {
  current?.stop();
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

interface Context {
  index?: number;
}

export function runIngestLoad(spec: IngestLoadSpec): Promise<IngestLoadSummary> {
  const url = new URL(spec.url);
  const latencies: number[] = [];
  const acceptedIndices: number[] = [];
  const other2xx: Record<string, number> = {};
  let sent = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.durationSeconds,
        overallRate: spec.overallRate,
        pipelining: 1,
        timeout: 10,
        ...(spec.overallRate ? { ignoreCoordinatedOmission: true } : {}),
        requests: [
          {
            method: 'POST',
            path: url.pathname,
            setupRequest: (request: autocannon.Request, context: Context) => {
              const webhook = spec.next();
              context.index = webhook.index;
              sent += 1;
              return { ...request, method: 'POST', path: url.pathname, headers: webhook.headers, body: webhook.body };
            },
            onResponse: (status: number, body: string, context: Context) => {
              if (status < 200 || status >= 300) return;
              if (body === ACCEPTED_BODY) {
                if (context.index !== undefined) acceptedIndices.push(context.index);
                return;
              }
              const key = body.length > 80 ? `${body.slice(0, 80)}…` : body;
              other2xx[key] = (other2xx[key] ?? 0) + 1;
            },
          } as unknown as autocannon.Request,
        ],
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
          acceptedPerS: round(acceptedIndices.length / result.duration, 1),
          p50Ms: round(percentile(sorted, 50), 2),
          p90Ms: round(percentile(sorted, 90), 2),
          p99Ms: round(percentile(sorted, 99), 2),
          meanMs: round(sorted.length ? sum / sorted.length : Number.NaN, 2),
          maxMs: round(sorted.length ? sorted[sorted.length - 1] : Number.NaN, 2),
          sent,
          requests: result.requests.total,
          durationSeconds: result.duration,
          accepted: acceptedIndices.length,
          other2xx,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCodes,
          acceptedIndices,
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
