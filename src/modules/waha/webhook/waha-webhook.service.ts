import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InboxBatchWriter } from '../inbox/inbox-batch-writer';
import { InboxEnqueuer } from '../inbox/inbox-enqueuer';
import { InboxEventStatus } from '../inbox/waha-inbox-event.entity';
import { classify, sessionNameOf } from './webhook-envelope';
import { IngestPressure } from './ingest-pressure';
import { WebhookErrorCode, WebhookException } from './webhook.exceptions';
import { WebhookSessionResolver } from './webhook-session.resolver';

export enum WebhookOutcome {
  Accepted = 'accepted',
  Duplicate = 'duplicate',
  Ignored = 'ignored',
}

const HEX_SHA512 = /^[0-9a-f]{128}$/i;

@Injectable()
export class WahaWebhookService {
  private readonly logger = new Logger(WahaWebhookService.name);

  constructor(
    private readonly sessions: WebhookSessionResolver,
    private readonly inbox: InboxBatchWriter,
    private readonly enqueuer: InboxEnqueuer,
    private readonly pressure: IngestPressure,
  ) {}

  /**
   * Verifies and stores one delivery. Returning means the event is durable in PostgreSQL; the job that
   * processes it is best effort (the sweeper re-enqueues rows whose job Redis lost).
   */
  async receive(body: unknown, rawBody: Buffer | undefined, signature: string | undefined): Promise<WebhookOutcome> {
    this.pressure.enter();
    try {
      return await this.store(body, rawBody, signature);
    } finally {
      this.pressure.leave();
    }
  }

  private async store(body: unknown, rawBody: Buffer | undefined, signature: string | undefined): Promise<WebhookOutcome> {
    const name = sessionNameOf(body);
    if (!name || !rawBody) throw new WebhookException(WebhookErrorCode.InvalidPayload, '"session" must be a non-empty string of at most 54 characters');
    const session = await this.sessions.resolve(name);
    if (!session) throw new WebhookException(WebhookErrorCode.UnknownSession, 'Unknown WhatsApp session');
    if (!signatureMatches(rawBody, session.hmacKey, signature)) {
      throw new WebhookException(WebhookErrorCode.InvalidSignature, 'Missing or invalid X-Webhook-Hmac signature');
    }
    const classified = classify(body, rawBody);
    if (!classified.valid) throw new WebhookException(WebhookErrorCode.InvalidPayload, classified.problem);
    const { id } = await this.inbox.write({
      organizationId: session.organizationId,
      sessionId: session.id,
      eventId: classified.eventId,
      event: classified.event,
      payload: jsonbSafe(rawBody.toString('utf8')),
      status: classified.status,
      outcome: classified.outcome,
    });
    if (id === null) return WebhookOutcome.Duplicate;
    if (classified.status === InboxEventStatus.Ignored) {
      this.logger.debug({ sessionId: session.id, event: classified.event, reason: classified.outcome }, 'webhook event ignored');
      return WebhookOutcome.Ignored;
    }
    this.enqueuer.add(id);
    return WebhookOutcome.Accepted;
  }
}

function signatureMatches(rawBody: Buffer, key: Buffer, signature: string | undefined): boolean {
  if (!signature || !HEX_SHA512.test(signature)) return false;
  const expected = createHmac('sha512', key).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

// PostgreSQL's jsonb refuses the NUL character; it never carries meaning in a chat message, so it is dropped.
function jsonbSafe(json: string): string {
  return json.includes('\\u0000') ? json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1') : json;
}
