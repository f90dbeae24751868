import { AnalysisInput, Intent, TurnAnalysis } from 'src/modules/ai/analysis/turn-analysis';
import { hasBookingIntent } from 'src/modules/ai/scoring/booking-intent';
import { scoreLead } from 'src/modules/ai/scoring/lead-score';
import { LeadBand } from 'src/modules/ai/scoring/lead-score.types';
import { LabelledConversation } from './labelled-conversation';
import { looselyEqual } from './loose-match';

export type FlagLabel = 'booking_intent' | 'urgent' | 'wants_human' | 'opt_out';
export const FLAG_LABELS: readonly FlagLabel[] = ['booking_intent', 'urgent', 'wants_human', 'opt_out'];
type FieldLabel = 'patient_name' | 'procedure' | 'preferred_time';
const FIELD_LABELS: readonly FieldLabel[] = ['patient_name', 'procedure', 'preferred_time'];

export interface BinaryMetrics {
  precision: number;
  recall: number;
  f1: number;
}

export interface ConversationOutcome {
  conversation: LabelledConversation;
  analysis: TurnAnalysis;
  flags: Record<FlagLabel, boolean>;
  band: LeadBand;
  score: number;
}

export interface EvaluationReport {
  n: number;
  labels: Record<FlagLabel, BinaryMetrics>;
  intentAccuracy: number;
  maturityAccuracy: number;
  fieldAccuracy: Record<FieldLabel, number>;
  /** confusion[expected][predicted] = count */
  confusion: Record<string, Record<string, number>>;
  outcomes: ConversationOutcome[];
}

export interface Analyser {
  analyse(input: AnalysisInput): TurnAnalysis;
}

/** The fixture's runs are scored as if answered the moment they arrived: recency contributes its maximum. */
function predict(analyser: Analyser, conversation: LabelledConversation): ConversationOutcome {
  const analysis = analyser.analyse({ burst: conversation.messages, history: [] });
  const now = new Date(0);
  const lead = scoreLead({
    analysis,
    facts: { patientName: analysis.patientName, procedure: analysis.procedure, preferredTime: analysis.preferredTime },
    engagement: { inboundMessages: conversation.messages.length, turns: 1, answeredBotQuestions: false },
    lastInboundAt: now,
    now,
    objections: analysis.objections,
  });
  const flags = { booking_intent: hasBookingIntent(analysis), urgent: analysis.urgent, wants_human: analysis.wantsHuman, opt_out: analysis.optOut };
  return { conversation, analysis, flags, band: lead.band, score: lead.score };
}

function binaryMetrics(pairs: readonly (readonly [expected: boolean, predicted: boolean])[]): BinaryMetrics {
  const truePositives = pairs.filter(([expected, predicted]) => expected && predicted).length;
  const falsePositives = pairs.filter(([expected, predicted]) => !expected && predicted).length;
  const falseNegatives = pairs.filter(([expected, predicted]) => expected && !predicted).length;
  const precision = truePositives + falsePositives === 0 ? (falseNegatives === 0 ? 1 : 0) : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function share(outcomes: readonly ConversationOutcome[], hit: (outcome: ConversationOutcome) => boolean): number {
  return outcomes.filter(hit).length / outcomes.length;
}

export function evaluateAnalyser(analyser: Analyser, conversations: readonly LabelledConversation[]): EvaluationReport {
  const outcomes = conversations.map((conversation) => predict(analyser, conversation));
  const labels = Object.fromEntries(
    FLAG_LABELS.map((flag) => [flag, binaryMetrics(outcomes.map((outcome) => [outcome.conversation.labels[flag], outcome.flags[flag]] as const))]),
  ) as Record<FlagLabel, BinaryMetrics>;
  const predictedField: Record<FieldLabel, (analysis: TurnAnalysis) => string | null> = {
    patient_name: (analysis) => analysis.patientName,
    procedure: (analysis) => analysis.procedure,
    preferred_time: (analysis) => analysis.preferredTime,
  };
  const fieldAccuracy = Object.fromEntries(
    FIELD_LABELS.map((field) => [field, share(outcomes, (outcome) => looselyEqual(outcome.conversation.labels[field], predictedField[field](outcome.analysis)))]),
  ) as Record<FieldLabel, number>;
  const confusion: Record<string, Record<string, number>> = {};
  for (const { conversation, analysis } of outcomes) {
    const row = (confusion[conversation.labels.intent] ??= {});
    row[analysis.intent] = (row[analysis.intent] ?? 0) + 1;
  }
  return {
    n: outcomes.length,
    labels,
    intentAccuracy: share(outcomes, (outcome) => outcome.analysis.intent === outcome.conversation.labels.intent),
    maturityAccuracy: share(outcomes, (outcome) => outcome.band === outcome.conversation.labels.maturity_band),
    fieldAccuracy,
    confusion,
    outcomes,
  };
}

/** Whether an outcome disagrees with its labels on intent, a flag or the maturity band. */
export function isMisclassified(outcome: ConversationOutcome): boolean {
  const { labels } = outcome.conversation;
  return outcome.analysis.intent !== labels.intent || outcome.band !== labels.maturity_band || FLAG_LABELS.some((flag) => outcome.flags[flag] !== labels[flag]);
}

export const INTENT_ORDER: readonly Intent[] = Object.values(Intent);
