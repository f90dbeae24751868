/**
 * autocannon posting one signed webhook per request (a fresh body each time, from `next`), recording every
 * response's latency and outcome. With pipelining 1 a connection has one request in flight, so the
 * per-connection context set when the request is built still names that request when its response arrives:
 * that is how each `{"status":"accepted"}` is tied to the webhook it acknowledges.
 */
import autocannon from 'autocannon';
import { LoadSummary, round, runLoad } from './load';
import { SignedWebhook } from './ingest-bodies';

export interface IngestLoadSpec {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Requests per second across all connections (autocannon `overallRate`); omitted = as fast as possible. */
  overallRate?: number;
  next: () => SignedWebhook;
}

export interface IngestLoadSummary extends LoadSummary {
  /** `{"status":"accepted"}` responses per second of the run's actual duration. */
  acceptedPerS: number;
  /** Requests written (including the ones still in flight when the run ended). */
  sent: number;
  accepted: number;
  /** 200 with another body (`duplicate`, `ignored`, anything else), by body. */
  other2xx: Record<string, number>;
  /** Indices of the webhooks answered `accepted`. */
  acceptedIndices: number[];
}

const ACCEPTED_BODY = '{"status":"accepted"}';

interface Context {
  index?: number;
}

export async function runIngestLoad(spec: IngestLoadSpec): Promise<IngestLoadSummary> {
  const path = new URL(spec.url).pathname;
  const acceptedIndices: number[] = [];
  const other2xx: Record<string, number> = {};
  let sent = 0;
  const request = {
    method: 'POST',
    path,
    setupRequest: (template: autocannon.Request, context: Context) => {
      const webhook = spec.next();
      context.index = webhook.index;
      sent += 1;
      return { ...template, method: 'POST', path, headers: webhook.headers, body: webhook.body };
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
  } as unknown as autocannon.Request;
  const summary = await runLoad({ url: spec.url, connections: spec.connections, durationSeconds: spec.durationSeconds, overallRate: spec.overallRate, requests: [request] });
  return {
    ...summary,
    acceptedPerS: round(acceptedIndices.length / summary.durationSeconds, 1),
    sent,
    accepted: acceptedIndices.length,
    other2xx,
    acceptedIndices,
  };
}
