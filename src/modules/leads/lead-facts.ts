import { LeadEntity } from './lead.entity';
import { LEAD_FACT_MAX_LENGTH, LEAD_SCORE_BANDS, LEAD_SCORE_FACTORS, LeadFacts, LeadScoreInput, LeadScoreReason, MAX_LEAD_SCORE, MIN_LEAD_SCORE } from './leads.constants';
import { LeadErrorCode, LeadException } from './leads.exceptions';

export type LeadFactColumns = Pick<LeadEntity, 'patientName' | 'procedure' | 'preferredTime' | 'intent'>;

const FACT_KEYS = Object.keys(LEAD_FACT_MAX_LENGTH) as (keyof LeadFacts)[];
/** A reason is one line in the dashboard; anything longer is an engine bug, not information. */
const REASON_DETAIL_MAX_LENGTH = 300;

/** Trimmed and cut to its column; blank means "not said". */
export function cleanFact(value: string | null | undefined, maxLength: number): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, maxLength) : null;
}

/** Facts as first stored on a new lead. */
export function initialFacts(facts: LeadFacts = {}): LeadFactColumns {
  return mergeFacts({ patientName: null, procedure: null, preferredTime: null, intent: null }, facts);
}

/**
 * The lead's facts after a new extraction: what was said now replaces what was known, but a turn that
 * does not mention a fact (the analyser answers null) never erases it.
 */
export function mergeFacts(current: LeadFactColumns, facts: LeadFacts = {}): LeadFactColumns {
  const merged = { ...pickFacts(current) };
  for (const key of FACT_KEYS) merged[key] = cleanFact(facts[key], LEAD_FACT_MAX_LENGTH[key]) ?? current[key];
  return merged;
}

function pickFacts(lead: LeadFactColumns): LeadFactColumns {
  return { patientName: lead.patientName, procedure: lead.procedure, preferredTime: lead.preferredTime, intent: lead.intent };
}

/**
 * Refuses a malformed score before it reaches the database (whose CHECKs would answer a bare 500): the
 * scoring function is another module's code, and a stored score is shown to staff as is.
 */
export function assertValidScore(input: LeadScoreInput): void {
  const problems: string[] = [];
  if (!Number.isInteger(input.score) || input.score < MIN_LEAD_SCORE || input.score > MAX_LEAD_SCORE) {
    problems.push(`score must be an integer from ${MIN_LEAD_SCORE} to ${MAX_LEAD_SCORE}`);
  }
  if (!(LEAD_SCORE_BANDS as readonly string[]).includes(input.band)) problems.push(`band must be one of ${LEAD_SCORE_BANDS.join(', ')}`);
  if (!Array.isArray(input.reasons)) {
    problems.push('reasons must be an array');
  } else if (!input.reasons.every(isValidReason)) {
    problems.push(`each reason needs a factor (${LEAD_SCORE_FACTORS.join(', ')}), finite points and a detail`);
  }
  if (problems.length > 0) throw new LeadException(LeadErrorCode.InvalidScore, 'The lead score is malformed', { problems });
}

function isValidReason(reason: unknown): boolean {
  if (typeof reason !== 'object' || reason === null) return false;
  const { factor, points, detail } = reason as Record<string, unknown>;
  return (LEAD_SCORE_FACTORS as readonly unknown[]).includes(factor) && typeof points === 'number' && Number.isFinite(points) && typeof detail === 'string';
}

/** Only the documented fields reach the jsonb columns, whatever else the scoring function's objects carry. */
export function storedReasons(reasons: readonly LeadScoreReason[]): LeadScoreReason[] {
  return reasons.map(({ factor, points, detail }) => ({ factor, points, detail: detail.slice(0, REASON_DETAIL_MAX_LENGTH) }));
}
