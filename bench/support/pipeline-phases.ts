/**
 * The two loads of `npm run bench:pipeline`, each a warm-up (not counted) followed by the measured window:
 *
 * - `fixed_rate`: an open loop starting new conversations at a fixed rate, each a new patient asking one question;
 * - `saturation`: a closed loop of patients who each ask, wait for the whole reply, read it for a moment
 *   (`readingPauseMs`) and ask again.
 *
 * Both stop writing at the end of the window and then wait (at most the grace period) for the replies still due.
 */
import { performance } from 'node:perf_hooks';
import { Calibration, TrafficContext } from './pipeline-calibration';
import { PatientMessage, sendPatientMessage } from './pipeline-traffic';

export interface PhaseWindow {
  /** performance.now() at the start of the warm-up, of the measured window, and at its end. */
  startedAt: number;
  measuredFrom: number;
  measuredUntil: number;
}

export interface PhaseRun {
  window: PhaseWindow;
  messages: PatientMessage[];
  /** Chats the phase wrote to. */
  chatIds: string[];
  /** Seconds from the end of the window until every accepted message had its reply (or the grace ran out). */
  drainSeconds: number;
}

export interface PhaseHooks {
  /** Called when the measured window opens and when it closes (CPU samples). */
  onMeasuredStart: () => void;
  onMeasuredEnd: () => void;
}

/**
 * How long a patient reads after the last balloon before writing again: at least `READING_PAUSE_MS`, and three
 * times the longest gap seen so far between two balloons of one reply (at most `MAX_READING_PAUSE_MS`). Balloons
 * of one reply usually leave within tens of milliseconds of each other, but further apart when the app is
 * overloaded; a pause shorter than the gap would take the late balloon for the answer to the next message
 * (PostgreSQL counts any such case as `misattributed`).
 */
export const READING_PAUSE_MS = 300;
const MAX_READING_PAUSE_MS = 3_000;

export function readingPauseMs(tracker: { maxBalloonGapMs: number }): number {
  return Math.min(MAX_READING_PAUSE_MS, Math.max(READING_PAUSE_MS, Math.ceil(3 * tracker.maxBalloonGapMs)));
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A deterministic, well-mixed 32-bit hash (the same questions in the same order on every run). */
function mix(value: number, salt: number): number {
  let x = (value ^ salt) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** Waits until every accepted message has its whole reply, or `graceMs` passed; returns the seconds waited. */
async function drain(messages: readonly PatientMessage[], from: number, graceMs: number): Promise<number> {
  for (;;) {
    const waiting = messages.some((message) => message.accepted && message.firstReplyAt === null);
    const elapsed = performance.now() - from;
    if (!waiting || elapsed >= graceMs) return Math.round(elapsed / 100) / 10;
    await pause(50);
  }
}

export async function runFixedRate(
  ctx: TrafficContext,
  calibration: Calibration,
  options: { ratePerS: number; warmupS: number; durationS: number; graceS: number; firstPatient: number },
  hooks: PhaseHooks,
): Promise<PhaseRun> {
  const interval = 1000 / options.ratePerS;
  const questions = calibration.usable;
  const startedAt = performance.now();
  const measuredFrom = startedAt + options.warmupS * 1000;
  const measuredUntil = measuredFrom + options.durationS * 1000;
  const messages: PatientMessage[] = [];
  const posts: Promise<void>[] = [];
  let measuring = false;
  for (let i = 0; ; i += 1) {
    const due = startedAt + i * interval;
    if (due >= measuredUntil) break;
    const wait = due - performance.now();
    if (wait > 1) await pause(wait);
    if (!measuring && performance.now() >= measuredFrom) {
      measuring = true;
      hooks.onMeasuredStart();
    }
    const patient = options.firstPatient + i;
    const text = questions[mix(i, 0x2545) % questions.length];
    posts.push(
      sendPatientMessage(ctx.poster, ctx.tracker, ctx.webhooks, ctx.clinics, i % ctx.clinics.length, patient, text).then((message) => {
        messages.push(message);
      }),
    );
  }
  const wait = measuredUntil - performance.now();
  if (wait > 0) await pause(wait);
  if (!measuring) hooks.onMeasuredStart();
  hooks.onMeasuredEnd();
  await Promise.all(posts);
  const drainSeconds = await drain(messages, measuredUntil, options.graceS * 1000);
  return { window: { startedAt, measuredFrom, measuredUntil }, messages, chatIds: [...new Set(messages.map((message) => message.chatId))], drainSeconds };
}

export async function runSaturation(
  ctx: TrafficContext,
  calibration: Calibration,
  options: { patients: number; warmupS: number; durationS: number; graceS: number; firstPatient: number },
  hooks: PhaseHooks,
): Promise<PhaseRun> {
  const questions = calibration.usable;
  const startedAt = performance.now();
  const measuredFrom = startedAt + options.warmupS * 1000;
  const measuredUntil = measuredFrom + options.durationS * 1000;
  const graceMs = options.graceS * 1000;
  const messages: PatientMessage[] = [];
  const fired = { start: false, end: false };
  const start = (): void => {
    if (!fired.start) hooks.onMeasuredStart();
    fired.start = true;
  };
  const end = (): void => {
    start();
    if (!fired.end) hooks.onMeasuredEnd();
    fired.end = true;
  };
  const window = setTimeout(start, measuredFrom - performance.now());
  const closing = setTimeout(end, measuredUntil - performance.now());

  const patient = async (slot: number): Promise<void> => {
    // Spread the first messages over a second, as patients do not all write in the same millisecond.
    await pause((slot * 1000) / options.patients);
    const number = options.firstPatient + slot;
    const offset = mix(slot, 0x9e37) % questions.length;
    for (let k = 0; performance.now() < measuredUntil; k += 1) {
      const text = questions[(offset + k) % questions.length];
      const message = await sendPatientMessage(ctx.poster, ctx.tracker, ctx.webhooks, ctx.clinics, number % ctx.clinics.length, number, text);
      messages.push(message);
      if (!message.accepted) return;
      await ctx.tracker.waitForReply(message, readingPauseMs(ctx.tracker), Math.max(0, measuredUntil - performance.now()) + graceMs);
      if (message.firstReplyAt === null) return; // unanswered: this conversation is stuck, the patient gives up
    }
  };
  await Promise.all(Array.from({ length: options.patients }, (_, slot) => patient(slot)));
  clearTimeout(window);
  clearTimeout(closing);
  // Every patient gave up before the window closed (all stuck): the CPU figures still need their end.
  end();
  const drainSeconds = Math.max(0, Math.round((performance.now() - measuredUntil) / 100) / 10);
  return { window: { startedAt, measuredFrom, measuredUntil }, messages, chatIds: [...new Set(messages.map((message) => message.chatId))], drainSeconds };
}
