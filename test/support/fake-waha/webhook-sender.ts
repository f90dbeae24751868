import { createHmac, randomBytes } from 'node:crypto';
import { DeliverOptions, DeliveryResult } from 'test/support/fake-waha/fake-waha.types';
import { WAHA_VERSION } from 'test/support/fake-waha/wire-bodies';

const DEFAULT_DELIVERY_TIMEOUT_MS = 10_000;

/** `X-Webhook-Hmac` as WAHA computes it: hex HMAC-SHA512 over the exact bytes sent. */
export function signWahaBody(body: string, key: string): string {
  return createHmac('sha512', key).update(body, 'utf8').digest('hex');
}

// WAHA uses `uniqid`: time-based hex plus randomness.
function newRequestId(): string {
  return `${Date.now().toString(16)}${randomBytes(4).toString('hex')}`;
}

function eventTimestamp(event: object | string, body: string): number {
  const parsed: unknown = typeof event === 'string' ? safeParse(body) : event;
  const timestamp = typeof parsed === 'object' && parsed !== null ? (parsed as { timestamp?: unknown }).timestamp : undefined;
  return typeof timestamp === 'number' ? timestamp : Date.now();
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * POSTs one event as WAHA's WebhookSender does: compact JSON, WAHA's headers, HMAC when a key is set.
 * A string `event` is sent byte for byte (to test signatures over exact bytes).
 */
export async function deliverWebhook(event: object | string, options: DeliverOptions): Promise<DeliveryResult> {
  const body = typeof event === 'string' ? event : JSON.stringify(event);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': `WAHA/${WAHA_VERSION}`,
    ...options.headers,
    'X-Webhook-Request-Id': options.requestId ?? newRequestId(),
    // The code copies the envelope timestamp rather than the time of sending.
    'X-Webhook-Timestamp': String(eventTimestamp(event, body)),
  };
  if (options.hmacKey) {
    headers['X-Webhook-Hmac'] = signWahaBody(body, options.hmacKey);
    headers['X-Webhook-Hmac-Algorithm'] = 'sha512';
  }
  const response = await fetch(options.url, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS),
  });
  return { status: response.status, body: await response.text() };
}
