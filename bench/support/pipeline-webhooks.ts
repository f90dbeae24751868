/**
 * Signed WAHA `message` webhooks for `npm run bench:pipeline`: the same bytes and headers as
 * `ingest-bodies.ts` (compact JSON in the envelope order of docs/waha §5, hex HMAC-SHA512 of the exact bytes in
 * `X-Webhook-Hmac`), but for a chosen patient and text, since here every message is a question the clinic must
 * answer. Envelope ids (`evt_…`) and WhatsApp key ids (`3EB0…`) are unique in the run.
 */
import { BenchSession, patientMessageBody, signWebhook, webhookHeaders } from './ingest-bodies';

export interface PatientWebhook {
  /** The envelope id, also the inbox row's event id. */
  eventId: string;
  /** The WhatsApp key id, also the stored message's `waha_key_id`. */
  keyId: string;
  body: Buffer;
  headers: Record<string, string>;
}

export class PatientWebhooks {
  private sequence = 0;

  /** `runTag`: 6 lower-case base-36 characters identifying this run. */
  constructor(private readonly runTag: string) {
    if (!/^[0-9a-z]{6}$/.test(runTag)) throw new Error(`run tag must be 6 base-36 characters, got ${runTag}`);
  }

  /** `55 11 9 6xxx-xxxx@c.us`: a valid Brazilian mobile per patient number (a range the ingest bench does not use). */
  static chatIdOf(patient: number): string {
    return `55119${(60_000_000 + patient).toString()}@c.us`;
  }

  /** How many webhooks were built so far. */
  get built(): number {
    return this.sequence;
  }

  build(session: BenchSession, patient: number, text: string): PatientWebhook {
    const index = this.sequence;
    this.sequence += 1;
    const nowMs = Date.now();
    const chatId = PatientWebhooks.chatIdOf(patient);
    const eventId = `evt_${this.runTag}${index.toString(36).padStart(20, '0')}`;
    const keyId = `3EB0${parseInt(this.runTag, 36).toString(16).toUpperCase().padStart(8, '0')}${index.toString(16).toUpperCase().padStart(12, '0')}`;
    const body = patientMessageBody(session, { eventId, keyId, chatId, patient, text, nowMs });
    const headers = webhookHeaders(`${this.runTag}${index.toString(36)}`, body.length, nowMs, signWebhook(body, session.hmacKey));
    return { eventId, keyId, body, headers };
  }
}
