import { Intent } from 'src/modules/ai/analysis/turn-analysis';

/** What the rules found in a burst, before an intent is chosen. Numbers are the strongest match (0 = none). */
export interface IntentSignals {
  urgent: boolean;
  urgentEvidence: number;
  optOut: boolean;
  wantsHuman: boolean;
  cancel: number;
  reschedule: number;
  booking: number;
  /** A preferred time placed next to a booking cue ("pode ser dia 15?"). */
  asksForSlot: boolean;
  price: number;
  info: number;
  complaint: number;
  offTopic: number;
  /** Only greetings, small talk and emoji. */
  greetingOnly: boolean;
  /** A question about something, with no rule naming what. */
  openQuestion: boolean;
}

export interface ResolvedIntent {
  intent: Intent;
  confidence: number;
}

const STRONG_BOOKING = 0.85;
const STRONG_INFO = 0.75;
const STRONG_COMPLAINT = 0.8;

/**
 * Picks the main request in the fixture's documented priority: urgent > opt-out > human > cancel > reschedule >
 * booking > price > info > complaint > greeting > other. A cancel that asks for a new date is a reschedule; a
 * bare booking verb ("só consegui marcar 3") yields to a clear complaint, and off-topic senders (vendors, spam,
 * wrong numbers) are "other" unless they clearly ask for a visit.
 */
export function resolveIntent(signals: IntentSignals): ResolvedIntent {
  const booking = signals.booking >= STRONG_BOOKING || signals.asksForSlot;
  if (signals.urgent) return { intent: Intent.UrgentSymptom, confidence: signals.urgentEvidence > 1 ? 0.95 : 0.85 };
  if (signals.optOut) return { intent: Intent.OptOut, confidence: 0.95 };
  if (signals.wantsHuman) return { intent: Intent.HumanRequest, confidence: 0.85 };
  if (signals.cancel > 0) {
    if (signals.reschedule > 0 || booking) return { intent: Intent.Reschedule, confidence: 0.8 };
    return { intent: Intent.Cancel, confidence: Math.min(0.9, 0.6 + signals.cancel * 0.3) };
  }
  if (signals.reschedule >= 0.8 || (signals.reschedule > 0 && booking)) return { intent: Intent.Reschedule, confidence: 0.85 };
  if (signals.offTopic > 0 && signals.booking < STRONG_BOOKING) return { intent: Intent.Other, confidence: 0.8 };
  if (booking) return { intent: Intent.Booking, confidence: signals.booking >= STRONG_BOOKING ? 0.9 : 0.75 };
  const weakBooking = signals.booking > 0 && signals.complaint < STRONG_COMPLAINT && signals.price === 0 && signals.info < STRONG_INFO;
  if (weakBooking) return { intent: Intent.Booking, confidence: 0.6 };
  if (signals.price > 0) return { intent: Intent.PriceQuestion, confidence: 0.6 + signals.price * 0.3 };
  if (signals.info >= STRONG_INFO) return { intent: Intent.InfoQuestion, confidence: 0.8 };
  if (signals.complaint > 0) return { intent: Intent.Complaint, confidence: 0.5 + signals.complaint * 0.3 };
  if (signals.greetingOnly) return { intent: Intent.GreetingOnly, confidence: 0.9 };
  if (signals.info > 0 || signals.openQuestion) return { intent: Intent.InfoQuestion, confidence: 0.55 };
  return { intent: Intent.Other, confidence: 0.4 };
}
