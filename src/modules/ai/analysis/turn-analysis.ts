/**
 * What either engine (offline rules or Gemini structured output) concludes about a patient's turn. The
 * offline analyser, the Gemini zod schema, lead scoring and the turn orchestration all speak this shape.
 */
export enum Intent {
  Booking = 'booking',
  Reschedule = 'reschedule',
  Cancel = 'cancel',
  PriceQuestion = 'price_question',
  InfoQuestion = 'info_question',
  UrgentSymptom = 'urgent_symptom',
  HumanRequest = 'human_request',
  OptOut = 'opt_out',
  GreetingOnly = 'greeting_only',
  Complaint = 'complaint',
  Other = 'other',
}

export const INTENTS: readonly Intent[] = Object.values(Intent);

export type Sentiment = 'positive' | 'neutral' | 'negative';

/** Reasons a patient hesitates; they lower lead maturity. */
export type Objection = 'price' | 'distance' | 'fear';

export interface TurnAnalysis {
  intent: Intent;
  /** 0..1 */
  confidence: number;
  urgent: boolean;
  wantsHuman: boolean;
  optOut: boolean;
  /** The patient asks to receive automated messages again ("voltar"). */
  optIn: boolean;
  /** The sender's own name when they state it (not a child's or spouse's). */
  patientName: string | null;
  procedure: string | null;
  preferredTime: string | null;
  symptoms: string[];
  sentiment: Sentiment;
  objections: Objection[];
}

export interface AnalysisInput {
  /** The patient's messages being answered now (a burst), oldest first. */
  burst: string[];
  /** Earlier turns of the conversation, oldest first, for context (may be empty). */
  history?: { direction: 'inbound' | 'outbound'; body: string }[];
}
