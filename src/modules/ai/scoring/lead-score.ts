import { Intent, Objection } from 'src/modules/ai/analysis/turn-analysis';
import { hasBookingIntent } from './booking-intent';
import { LeadBand, LeadScore, LeadScoreReason, LeadScoringInput } from './lead-score.types';

/**
 * Lead maturity, 0..100, as the sum of five factors (maximum 65 + 24 + 6 + 5 = 100):
 * - intent (−100..65) dominates because what the patient asks for is the best predictor: a booking alone must
 *   reach "hot", a price or an urgent symptom alone "warm", an info question only with a named service.
 *   Cancel, complaint and opt-out pull down; opt-out drives the score to 0.
 * - completeness (0..24): a named service (10; a bare "consulta" 5), a preferred time (8), a name (6), each a
 *   step closer to a booking the front desk can confirm.
 * - engagement (0..6): extra messages, repeated turns and answering the bot's questions show investment, but
 *   never outweigh intent (a chatty greeter is still cold).
 * - recency (−15..5): a lead that wrote within the hour is warm to call; after a week it has gone elsewhere.
 * - objections (price −5, distance −5, fear −3): hesitations the secretary must address before booking.
 */
export const LEAD_BAND_THRESHOLDS = { warm: 40, hot: 70 } as const;

const INTENT_POINTS: Record<Intent, number> = {
  [Intent.Booking]: 65,
  [Intent.Reschedule]: 65,
  [Intent.UrgentSymptom]: 40,
  [Intent.PriceQuestion]: 40,
  [Intent.InfoQuestion]: 25,
  [Intent.HumanRequest]: 25,
  [Intent.GreetingOnly]: 5,
  [Intent.Cancel]: 5,
  [Intent.Other]: 0,
  [Intent.Complaint]: -10,
  [Intent.OptOut]: -100,
};
const URGENT_BOOKING_POINTS = 65;
const SPECIFIC_PROCEDURE_POINTS = 10;
const GENERIC_PROCEDURE_POINTS = 5;
const TIME_POINTS = 8;
const NAME_POINTS = 6;
const GENERIC_PROCEDURES = new Set(['consulta', 'consultas', 'sessao', 'sessoes', 'retorno', 'exame', 'exames', 'atendimento', 'pacote', 'avaliacao', 'procedimento']);
const MAX_EXTRA_MESSAGE_POINTS = 3;
const REPEAT_TURN_POINTS = 1;
const ANSWERED_POINTS = 2;
const HOUR_MS = 3_600_000;
const RECENCY_STEPS: readonly (readonly [maxHours: number, points: number])[] = [[1, 5], [24, 3], [72, 0], [168, -5]];
const STALE_POINTS = -15;
const OBJECTION_POINTS: Record<Objection, number> = { price: -5, distance: -5, fear: -3 };

export function bandFor(score: number): LeadBand {
  if (score >= LEAD_BAND_THRESHOLDS.hot) return 'hot';
  return score >= LEAD_BAND_THRESHOLDS.warm ? 'warm' : 'cold';
}

function intentReason({ analysis }: LeadScoringInput): LeadScoreReason {
  if (analysis.intent === Intent.UrgentSymptom && hasBookingIntent(analysis)) {
    return { factor: 'intent', points: URGENT_BOOKING_POINTS, detail: 'urgent symptom with a requested time' };
  }
  return { factor: 'intent', points: INTENT_POINTS[analysis.intent], detail: `intent ${analysis.intent}` };
}

function isGenericProcedure(procedure: string): boolean {
  return GENERIC_PROCEDURES.has(procedure.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase());
}

function completenessReason({ facts }: LeadScoringInput): LeadScoreReason {
  const known: string[] = [];
  let points = 0;
  if (facts.procedure) {
    points += isGenericProcedure(facts.procedure) ? GENERIC_PROCEDURE_POINTS : SPECIFIC_PROCEDURE_POINTS;
    known.push('procedure');
  }
  if (facts.preferredTime) {
    points += TIME_POINTS;
    known.push('preferred time');
  }
  if (facts.patientName) {
    points += NAME_POINTS;
    known.push('name');
  }
  return { factor: 'completeness', points, detail: known.length > 0 ? `knows ${known.join(', ')}` : 'no booking data yet' };
}

function engagementReason({ engagement }: LeadScoringInput): LeadScoreReason {
  const extraMessages = Math.min(MAX_EXTRA_MESSAGE_POINTS, Math.max(0, engagement.inboundMessages - 1));
  const repeated = engagement.turns > 1 ? REPEAT_TURN_POINTS : 0;
  const answered = engagement.answeredBotQuestions ? ANSWERED_POINTS : 0;
  const detail = `${engagement.inboundMessages} inbound message(s), ${engagement.turns} turn(s)${answered ? ', answered the bot' : ''}`;
  return { factor: 'engagement', points: extraMessages + repeated + answered, detail };
}

function recencyReason({ lastInboundAt, now }: LeadScoringInput): LeadScoreReason {
  const hours = Math.max(0, now.getTime() - lastInboundAt.getTime()) / HOUR_MS;
  const step = RECENCY_STEPS.find(([maxHours]) => hours <= maxHours);
  return { factor: 'recency', points: step ? step[1] : STALE_POINTS, detail: `last message ${Math.round(hours)}h ago` };
}

function objectionsReason({ objections }: LeadScoringInput): LeadScoreReason {
  const unique = [...new Set(objections)];
  const points = unique.reduce((sum, objection) => sum + OBJECTION_POINTS[objection], 0);
  return { factor: 'objections', points, detail: unique.length > 0 ? `objections: ${unique.join(', ')}` : 'no objections' };
}

/**
 * Keeps the reasons summing to the reported score: points below 0 or above 100 are given back by the factors
 * that caused them, most extreme first, so a dashboard can always explain the number.
 */
function clampReasons(reasons: LeadScoreReason[]): LeadScoreReason[] {
  const total = reasons.reduce((sum, reason) => sum + reason.points, 0);
  const direction = total < 0 ? 1 : total > 100 ? -1 : 0;
  if (direction === 0) return reasons;
  let excess = direction > 0 ? -total : total - 100;
  const order = [...reasons].sort((a, b) => direction * (a.points - b.points));
  for (const reason of order) {
    if (excess === 0 || direction * reason.points >= 0) break;
    const giveBack = Math.min(excess, Math.abs(reason.points));
    reason.points += direction * giveBack;
    reason.detail += ` (capped)`;
    excess -= giveBack;
  }
  return reasons;
}

export function scoreLead(input: LeadScoringInput): LeadScore {
  const reasons = clampReasons([intentReason(input), completenessReason(input), engagementReason(input), recencyReason(input), objectionsReason(input)]);
  const score = reasons.reduce((sum, reason) => sum + reason.points, 0);
  return { score, band: bandFor(score), reasons };
}
