import { Objection, TurnAnalysis } from 'src/modules/ai/analysis/turn-analysis';

export type LeadBand = 'cold' | 'warm' | 'hot';
export type LeadScoreFactor = 'intent' | 'completeness' | 'engagement' | 'recency' | 'objections';

export interface LeadScoreReason {
  factor: LeadScoreFactor;
  points: number;
  detail: string;
}

export interface LeadScore {
  /** 0..100, integer; always the sum of `reasons[].points`. */
  score: number;
  band: LeadBand;
  reasons: LeadScoreReason[];
}

/** What the conversation has established so far, merged across turns (see `mergeLeadFacts`). */
export interface LeadFacts {
  patientName: string | null;
  procedure: string | null;
  preferredTime: string | null;
}

export interface LeadEngagement {
  /** Inbound messages in the conversation so far. */
  inboundMessages: number;
  /** Patient turns (bursts) answered so far, the current one included. */
  turns: number;
  /** The patient answered what the bot asked (name, date, procedure). */
  answeredBotQuestions: boolean;
}

export interface LeadScoringInput {
  /** The latest turn's analysis. */
  analysis: TurnAnalysis;
  facts: LeadFacts;
  engagement: LeadEngagement;
  lastInboundAt: Date;
  /** Passed in, never read from the clock, so a score can be recomputed and tested. */
  now: Date;
  /** Every objection seen in the conversation, not only in this turn. */
  objections: readonly Objection[];
}
