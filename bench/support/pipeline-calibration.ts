/**
 * Before any load, every question is asked once to the running app: by a new patient (the first message of a
 * conversation) and by another as a follow-up after an opener. That is the bench's smoke test (webhook → turn →
 * WAHA works end to end), and a question the app hands to the secretaries, or does not answer, is left out of the
 * load (and listed), since the bot would never answer that patient again.
 */
import { PipelineDatabase } from './pipeline-db';
import { Clinic, PatientMessage, ReplyTracker, sendPatientMessage, WebhookPoster } from './pipeline-traffic';
import { PatientWebhooks } from './pipeline-webhooks';

export interface TrafficContext {
  poster: WebhookPoster;
  tracker: ReplyTracker;
  webhooks: PatientWebhooks;
  clinics: readonly Clinic[];
  db: PipelineDatabase;
  progress: (line: string) => void;
}

export interface Calibration {
  /** Questions the load uses: answered by the bot, not handed off, in both positions. */
  usable: string[];
  excluded: { text: string; reason: string }[];
  /** Balloons the answer of each usable question was split into, as a first message and as a follow-up. */
  firstBalloons: Map<string, number>;
  followUpBalloons: Map<string, number>;
}

const SETTLE_TIMEOUT_MS = 30_000;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until PostgreSQL holds every message written to each chat (`expected`: chat id → messages written), each
 * answered or handed off, and every reply has left for WAHA. An accepted webhook is only in the inbox: counting
 * the conversation's messages is what tells that inbound processing got to it.
 */
export async function waitUntilSettled(db: PipelineDatabase, expected: ReadonlyMap<string, number>, timeoutMs: number): Promise<{ settled: boolean; waitedMs: number }> {
  const started = Date.now();
  for (;;) {
    const outcomes = await db.chatOutcomes([...expected.keys()]);
    const settled =
      outcomes.length === expected.size &&
      outcomes.every((chat) => chat.inboundCount >= (expected.get(chat.chatId) ?? 0) && chat.unsent === 0 && (chat.botAnsweredCount >= chat.inboundCount || chat.handedOff));
    if (settled) return { settled: true, waitedMs: Date.now() - started };
    if (Date.now() - started >= timeoutMs) return { settled: false, waitedMs: Date.now() - started };
    await pause(100);
  }
}

async function askAll(ctx: TrafficContext, asks: { patient: number; text: string }[]): Promise<PatientMessage[]> {
  const messages = await Promise.all(asks.map((ask) => sendPatientMessage(ctx.poster, ctx.tracker, ctx.webhooks, ctx.clinics, ask.patient % ctx.clinics.length, ask.patient, ask.text)));
  const refused = messages.filter((message) => !message.accepted);
  if (refused.length > 0) throw new Error(`calibration: ${refused.length} webhooks not accepted, e.g. ${refused[0].httpError ?? 'unknown'}`);
  const settled = await waitUntilSettled(ctx.db, ctx.tracker.expectedInbound(messages.map((message) => message.chatId)), SETTLE_TIMEOUT_MS);
  if (!settled.settled) throw new Error(`calibration: the bot had not answered ${asks.length} questions after ${SETTLE_TIMEOUT_MS / 1000} s`);
  return messages;
}

export async function calibrate(ctx: TrafficContext, questions: readonly string[], opener: string, firstPatient: number): Promise<Calibration> {
  const n = questions.length;
  const firstAsks = questions.map((text, i) => ({ patient: firstPatient + i, text }));
  const openerAsks = questions.map((_, i) => ({ patient: firstPatient + n + i, text: opener }));
  const [firsts, openers] = await Promise.all([askAll(ctx, firstAsks), askAll(ctx, openerAsks)]);
  if (openers.some((message) => message.balloons === 0)) throw new Error(`calibration: the opener "${opener}" was not answered`);
  const followUps = await askAll(
    ctx,
    questions.map((text, i) => ({ patient: firstPatient + n + i, text })),
  );
  const handedOff = new Set((await ctx.db.chatOutcomes([...firsts, ...followUps].map((message) => message.chatId))).filter((chat) => chat.handedOff).map((chat) => chat.chatId));

  const calibration: Calibration = { usable: [], excluded: [], firstBalloons: new Map(), followUpBalloons: new Map() };
  questions.forEach((text, i) => {
    const first = firsts[i];
    const followUp = followUps[i];
    let reason: string | null = null;
    if (handedOff.has(first.chatId) || handedOff.has(followUp.chatId)) reason = 'handed off to the secretaries';
    else if (first.balloons === 0 || followUp.balloons === 0) reason = `not answered (${first.balloons} balloons as a first message, ${followUp.balloons} as a follow-up)`;
    if (reason) {
      calibration.excluded.push({ text, reason });
      return;
    }
    calibration.usable.push(text);
    calibration.firstBalloons.set(text, first.balloons);
    calibration.followUpBalloons.set(text, followUp.balloons);
  });
  return calibration;
}
