/**
 * Signed WAHA `message` webhooks for `npm run bench:ingest`, the bytes WAHA would send (compact JSON,
 * envelope field order as documented in docs/waha §5) with `X-Webhook-Hmac` = hex HMAC-SHA512 of those bytes.
 *
 * Webhook `i` is a pure function of (run tag, i): its envelope id (`evt_…`) and its WhatsApp key id
 * (`false_<chat>_<KEYID>`) are unique in the run, so the bench can later ask the database about exactly the
 * webhooks the app accepted. Signing costs the load generator CPU, so a pool is signed before the run; should
 * the run outlast it, the rest is signed on the fly (and counted).
 */
import { createHmac } from 'node:crypto';

export interface BenchSession {
  name: string;
  hmacKey: string;
  meId: string;
  pushName: string;
}

export interface SignedWebhook {
  index: number;
  body: Buffer;
  headers: Record<string, string>;
}

const WAHA_VERSION = '2026.7.1';
const ENVIRONMENT = { version: WAHA_VERSION, engine: 'WEBJS', tier: 'CORE', browser: '/usr/bin/chromium', platform: 'linux/x64', worker: { id: null } };
const TEXTS = [
  'Oi, bom dia! Gostaria de marcar uma consulta.',
  'Qual o horário de atendimento de vocês?',
  'Vocês aceitam o convênio Unimed?',
  'Preciso remarcar minha consulta de amanhã, é possível?',
  'Obrigada!',
  'Boa tarde. A Dra. Helena atende na sexta-feira à tarde?',
  'Quanto custa a consulta particular?',
  'Ok, combinado. Até lá.',
  'Consigo fazer o exame de sangue no mesmo dia da consulta?',
  'Sim',
  'Bom dia, estou com dor de garganta há três dias e gostaria de ser atendido ainda hoje se houver vaga.',
  'Podem me mandar o endereço da clínica, por favor?',
];
const FIRST_NAMES = ['Ana', 'Bruno', 'Carla', 'Diego', 'Eduarda', 'Felipe', 'Gabriela', 'Henrique', 'Isabela', 'João', 'Larissa', 'Marcos'];

/** A deterministic, well-mixed 32-bit hash of an integer (so patient and clinic look random but are reproducible). */
function mix(value: number, salt: number): number {
  let x = (value ^ salt) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** A patient's `message` event as WAHA (WEBJS) posts it, in the envelope order of docs/waha §5, as compact bytes. */
export function patientMessageBody(session: BenchSession, input: { eventId: string; keyId: string; chatId: string; patient: number; text: string; nowMs: number }): Buffer {
  const envelope = {
    id: input.eventId,
    timestamp: input.nowMs,
    event: 'message',
    session: session.name,
    me: { id: session.meId, pushName: session.pushName },
    payload: {
      id: `false_${input.chatId}_${input.keyId}`,
      timestamp: Math.floor(input.nowMs / 1000),
      from: input.chatId,
      to: session.meId,
      fromMe: false,
      source: 'app',
      body: input.text,
      hasMedia: false,
      media: null,
      ack: 1,
      ackName: 'SERVER',
      location: null,
      vCards: [],
      _data: { notifyName: `${FIRST_NAMES[input.patient % FIRST_NAMES.length]} ${input.patient}` },
    },
    engine: 'WEBJS',
    environment: ENVIRONMENT,
  };
  return Buffer.from(JSON.stringify(envelope), 'utf8');
}

/** The headers WAHA sends with a webhook (autocannon writes them in this order); `signature` is the hex HMAC-SHA512. */
export function webhookHeaders(requestId: string, length: number, nowMs: number, signature: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'User-Agent': `WAHA/${WAHA_VERSION}`,
    'X-Webhook-Request-Id': requestId,
    'X-Webhook-Timestamp': String(nowMs),
    'X-Webhook-Hmac': signature,
    'X-Webhook-Hmac-Algorithm': 'sha512',
    'Content-Length': String(length),
  };
}

export function signWebhook(body: Buffer, hmacKey: string): string {
  return createHmac('sha512', hmacKey).update(body).digest('hex');
}

export class WebhookFactory {
  /** `runTag`: 6 lower-case base-36 characters identifying this run. */
  private readonly startMs = Date.now();

  constructor(
    private readonly runTag: string,
    private readonly sessions: readonly BenchSession[],
    private readonly patients: number,
  ) {
    if (!/^[0-9a-z]{6}$/.test(runTag)) throw new Error(`run tag must be 6 base-36 characters, got ${runTag}`);
  }

  /**
   * When webhook `index` happened on WhatsApp: three per millisecond from the start of the run, so every
   * conversation's `last_message_at` moves forward as in real traffic (identical times would let PostgreSQL
   * skip index maintenance on the conversation update and flatter the processing).
   */
  timestampOf(index: number): number {
    return this.startMs + Math.floor(index / 3);
  }

  /** `evt_` + 26 lower-case characters, like WAHA's ULIDs. */
  eventId(index: number): string {
    return `evt_${this.runTag}${index.toString(36).padStart(20, '0')}`;
  }

  /** A WhatsApp-looking key id (`3EB0…`, 24 upper-case hex digits), unique per webhook of the run. */
  keyId(index: number): string {
    return `3EB0${parseInt(this.runTag, 36).toString(16).toUpperCase().padStart(8, '0')}${index.toString(16).toUpperCase().padStart(12, '0')}`;
  }

  sessionOf(index: number): BenchSession {
    return this.sessions[mix(index, 0x51ed) % this.sessions.length];
  }

  patientOf(index: number): number {
    return mix(index, 0x9e37) % this.patients;
  }

  /** `55 11 9 7xxx-xxxx@c.us`: a valid Brazilian mobile, one per patient. */
  static chatIdOf(patient: number): string {
    return `55119${(70_000_000 + patient).toString()}@c.us`;
  }

  build(index: number): SignedWebhook {
    const nowMs = this.timestampOf(index);
    const session = this.sessionOf(index);
    const patient = this.patientOf(index);
    const chatId = WebhookFactory.chatIdOf(patient);
    const text = TEXTS[mix(index, 0x2545) % TEXTS.length];
    const body = patientMessageBody(session, { eventId: this.eventId(index), keyId: this.keyId(index), chatId, patient, text, nowMs });
    return { index, body, headers: this.headers(index, body.length, nowMs, signWebhook(body, session.hmacKey)) };
  }

  headers(index: number, length: number, nowMs: number, signature: string): Record<string, string> {
    return webhookHeaders(`${this.runTag}${index.toString(36)}`, length, nowMs, signature);
  }
}

/**
 * Hands out webhooks in order, each at most once (`next`), from a pool signed up front; past the pool they
 * are signed on demand. `cycle` serves the bare server, for which uniqueness does not matter.
 *
 * The pool lives in a few large buffers (bodies back to back, then the signatures) rather than as 150,000
 * objects: a heap full of long-lived small objects makes the bench's own garbage collector pause for
 * milliseconds, which would show up as server latency. Each request gets a fresh small view and header object.
 */
export class WebhookPool {
  private readonly bodies: Buffer;
  private readonly offsets: Uint32Array;
  private readonly signatures: Buffer;
  private cursor = 0;
  private cycleCursor = 0;
  signedOnTheFly = 0;

  constructor(
    readonly factory: WebhookFactory,
    readonly size: number,
  ) {
    const chunks: Buffer[] = [];
    this.offsets = new Uint32Array(size + 1);
    this.signatures = Buffer.alloc(size * 128);
    let offset = 0;
    for (let index = 0; index < size; index += 1) {
      const webhook = this.factory.build(index);
      chunks.push(webhook.body);
      this.offsets[index] = offset;
      offset += webhook.body.length;
      this.signatures.write(webhook.headers['X-Webhook-Hmac'], index * 128, 'latin1');
    }
    this.offsets[size] = offset;
    this.bodies = Buffer.concat(chunks, offset);
  }

  /** How many webhooks `next` has handed out so far. */
  get used(): number {
    return this.cursor;
  }

  /** Bytes of all pooled bodies together. */
  get bodyBytes(): number {
    return this.bodies.length;
  }

  next(): SignedWebhook {
    const index = this.cursor;
    this.cursor += 1;
    if (index < this.size) return this.at(index);
    this.signedOnTheFly += 1;
    return this.factory.build(index);
  }

  cycle(): SignedWebhook {
    const webhook = this.at(this.cycleCursor);
    this.cycleCursor = (this.cycleCursor + 1) % this.size;
    return webhook;
  }

  private at(index: number): SignedWebhook {
    const body = this.bodies.subarray(this.offsets[index], this.offsets[index + 1]);
    const signature = this.signatures.toString('latin1', index * 128, index * 128 + 128);
    return { index, body, headers: this.factory.headers(index, body.length, this.factory.timestampOf(index), signature) };
  }
}
