/**
 * Patients for `npm run bench:pipeline`: each message is a signed webhook posted to the app, and the reply is
 * seen the instant the fake WAHA records the bot's `sendText` to that patient's chat (`FakeWaha.onSent`, in this
 * process, so both ends are read on the same monotonic clock, `performance.now()`).
 *
 * A reply may be split into several WhatsApp balloons, one send job each. A patient in the closed loop reads the
 * reply before writing again: it is taken as complete once no balloon came for a pause after the last one (see
 * `readingPauseMs` in pipeline-phases.ts).
 * Latency is to the first balloon; "whole reply" to the last. Which turn wrote each measured reply is checked in
 * PostgreSQL afterwards (`PipelineDatabase.verifyPhase`), so a balloon taken for the wrong message shows up there.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { FakeSentMessage, FakeWaha } from 'test/support/fake-waha.server';
import { BenchSession } from './ingest-bodies';
import { PatientWebhook, PatientWebhooks } from './pipeline-webhooks';

const ACCEPTED_BODY = '{"status":"accepted"}';

export interface PatientMessage {
  chatId: string;
  clinic: number;
  text: string;
  eventId: string;
  keyId: string;
  /** performance.now() when the bench started writing the webhook. */
  writeAt: number;
  /** When the webhook's response ended, its status and whether the body was `{"status":"accepted"}`. */
  respondedAt: number | null;
  httpStatus: number | null;
  accepted: boolean;
  httpError: string | null;
  firstReplyAt: number | null;
  /** The fake WAHA's key id of the first balloon: the bench later checks in PostgreSQL which turn wrote it. */
  firstReplyKeyId: string | null;
  lastReplyAt: number | null;
  balloons: number;
}

/** The webhook sender: keep-alive connections, one request per message, no pipelining. */
export class WebhookPoster {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: Infinity, keepAliveMsecs: 10_000 });
  private readonly host: string;
  private readonly port: number;
  private readonly path: string;

  constructor(url: string) {
    const parsed = new URL(url);
    this.host = parsed.hostname;
    this.port = Number(parsed.port);
    this.path = parsed.pathname;
  }

  /** Posts `webhook`, filling in the message's response fields; never rejects. */
  post(webhook: PatientWebhook, message: PatientMessage): Promise<void> {
    return new Promise((resolve) => {
      const done = (status: number | null, body: string, error: string | null): void => {
        message.respondedAt = performance.now();
        message.httpStatus = status;
        message.accepted = status === 200 && body === ACCEPTED_BODY;
        message.httpError = error ?? (message.accepted ? null : `HTTP ${status}: ${body.slice(0, 200)}`);
        resolve();
      };
      message.writeAt = performance.now();
      const req = request({ agent: this.agent, host: this.host, port: this.port, path: this.path, method: 'POST', headers: webhook.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(res.statusCode ?? null, Buffer.concat(chunks).toString('utf8'), null));
        res.on('error', (error) => done(res.statusCode ?? null, '', error.message));
      });
      req.setTimeout(30_000, () => req.destroy(new Error('timeout after 30 s')));
      req.on('error', (error) => done(null, '', error.message));
      req.end(webhook.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

interface ChatState {
  current: PatientMessage | null;
  /** Tells the closed loop's wait that a balloon arrived. */
  wake: (() => void) | null;
}

/** Ties every `sendText` the fake WAHA records to the patient message it answers. */
export class ReplyTracker {
  private readonly chats = new Map<string, ChatState>();
  /** Every recorded send to a bench chat: chat id and key id, for the database cross-check. */
  readonly sends: { chatId: string; keyId: string; at: number }[] = [];
  /** The longest time seen between two balloons of one reply (the closed loop's reading pause adapts to it). */
  maxBalloonGapMs = 0;
  /** Accepted messages per chat since the start (what PostgreSQL must end up holding). */
  private readonly acceptedPerChat = new Map<string, number>();
  private readonly unsubscribe: () => void;

  constructor(fake: FakeWaha) {
    this.unsubscribe = fake.onSent((sent) => this.onSent(sent));
  }

  stop(): void {
    this.unsubscribe();
  }

  noteAccepted(message: PatientMessage): void {
    if (message.accepted) this.acceptedPerChat.set(message.chatId, (this.acceptedPerChat.get(message.chatId) ?? 0) + 1);
  }

  /** Chat id → messages accepted for it so far, for `chatIds`. */
  expectedInbound(chatIds: Iterable<string>): Map<string, number> {
    return new Map([...chatIds].map((chatId) => [chatId, this.acceptedPerChat.get(chatId) ?? 0]));
  }

  /** From now on, balloons to `message.chatId` belong to `message`. */
  track(message: PatientMessage): void {
    const state = this.chats.get(message.chatId) ?? { current: null, wake: null };
    state.current = message;
    state.wake = null;
    this.chats.set(message.chatId, state);
  }

  /**
   * Resolves once the reply is read: `quietMs` after its last balloon with no other one; without any balloon,
   * gives up after `timeoutMs` (the message stays unanswered).
   */
  waitForReply(message: PatientMessage, quietMs: number, timeoutMs: number): Promise<void> {
    const state = this.chats.get(message.chatId);
    if (!state || state.current !== message) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | null = null;
      const arm = (): void => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(
          () => {
            state.wake = null;
            resolve();
          },
          message.firstReplyAt === null ? timeoutMs : quietMs,
        );
      };
      state.wake = arm;
      arm();
    });
  }

  private onSent(sent: FakeSentMessage): void {
    const at = performance.now();
    const state = this.chats.get(sent.chatId);
    if (!state?.current) return; // not one of the bench's patients
    this.sends.push({ chatId: sent.chatId, keyId: sent.keyId, at });
    const message = state.current;
    if (message.lastReplyAt !== null) this.maxBalloonGapMs = Math.max(this.maxBalloonGapMs, at - message.lastReplyAt);
    message.balloons += 1;
    message.lastReplyAt = at;
    if (message.firstReplyAt === null) {
      message.firstReplyAt = at;
      message.firstReplyKeyId = sent.keyId;
    }
    state.wake?.();
  }
}

export interface Clinic {
  session: BenchSession;
}

/** Builds, registers and posts one patient message. */
export async function sendPatientMessage(
  poster: WebhookPoster,
  tracker: ReplyTracker,
  webhooks: PatientWebhooks,
  clinics: readonly Clinic[],
  clinic: number,
  patient: number,
  text: string,
): Promise<PatientMessage> {
  const webhook = webhooks.build(clinics[clinic].session, patient, text);
  const message: PatientMessage = {
    chatId: PatientWebhooks.chatIdOf(patient),
    clinic,
    text,
    eventId: webhook.eventId,
    keyId: webhook.keyId,
    writeAt: 0,
    respondedAt: null,
    httpStatus: null,
    accepted: false,
    httpError: null,
    firstReplyAt: null,
    firstReplyKeyId: null,
    lastReplyAt: null,
    balloons: 0,
  };
  tracker.track(message);
  await poster.post(webhook, message);
  tracker.noteAccepted(message);
  return message;
}
