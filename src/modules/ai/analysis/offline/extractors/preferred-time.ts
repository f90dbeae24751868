import { AnalysisText, Span } from '../matching/analysis-text';
import { BOOKING_CUE_RULES, WISH_CUE_RULES } from '../lexicons/scheduling.lexicon';
import { EXISTING_APPOINTMENT_RULES, PAST_RULES, TIME_JOINERS, TIME_LEADING_FILLERS, TIME_RULES } from '../lexicons/time.lexicon';

export interface TimePreference {
  /** The patient's words for when they want to be seen or contacted; null when none. */
  phrase: string | null;
  /** A time next to a booking cue ("pode ser dia 15?", "tem horário sábado?"): itself a booking request. */
  asksForSlot: boolean;
}

export interface TimeContext {
  /** The burst cancels or moves a visit, so "minha consulta de terça" names the old slot. */
  movingOrCancelling: boolean;
  /** Clauses that cancel without asking for a new date: their times are the cancelled slot. */
  cancelClauses: ReadonlySet<number>;
}

interface TimeSpan extends Span {
  strong: boolean;
}

const CUE_BEFORE = 5;
const CUE_AFTER = 3;

function mergeAdjacent(text: AnalysisText, spans: readonly Span[]): TimeSpan[] {
  const merged: TimeSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) continue;
    const joinable = last && (span.start === last.end || (span.start === last.end + 1 && TIME_JOINERS.has(text.tokens[last.end].canon)));
    if (last && joinable) {
      last.end = span.end;
      last.strong ||= span.tag === 'strong';
    } else merged.push({ ...span, strong: span.tag === 'strong' });
  }
  return merged;
}

function overlapsWindow(text: AnalysisText, span: Span, cue: Span): boolean {
  if (text.clause[cue.start] !== text.clause[span.start]) return false;
  if (cue.start < span.end && span.start < cue.end) return false;
  return cue.end <= span.start ? span.start - cue.end < CUE_BEFORE : cue.start - span.end < CUE_AFTER;
}

function isPastOrExisting(text: AnalysisText, span: Span, context: TimeContext, past: readonly Span[], existing: readonly Span[]): boolean {
  if (context.cancelClauses.has(text.clause[span.start])) return true;
  const before = past.some((cue) => cue.start < span.start && cue.end >= span.start - 1 && cue.end <= span.end);
  if (before || past.some((cue) => cue.start === span.end && text.tokens[cue.start].canon.startsWith('passad'))) return true;
  return existing.some((cue) => {
    if (cue.tag === 'possessive' && !context.movingOrCancelling) return false;
    return (cue.end >= span.start - 1 && cue.end <= span.start + 1) || cue.start === span.end;
  });
}

function trimmedSurface(text: AnalysisText, span: Span): string {
  let start = span.start;
  while (start < span.end - 1 && TIME_LEADING_FILLERS.has(text.tokens[start].canon)) start++;
  return text.surface(start, span.end);
}

/**
 * Finds when the patient wants to be seen. Times of the appointment being moved or cancelled, past dates and
 * durations are dropped; "hoje"/"agora" count only beside a request; times next to a request win over the
 * rest ("vou casar dia 20 … qro marcar o quanto antes" → "o quanto antes").
 */
export function extractPreferredTime(text: AnalysisText, context: TimeContext): TimePreference {
  const past = text.find(PAST_RULES, { keepNegated: true });
  const existing = text.find(EXISTING_APPOINTMENT_RULES, { keepNegated: true });
  const bookingCues = text.find(BOOKING_CUE_RULES);
  const wishCues = text.find(WISH_CUE_RULES);
  const candidates = mergeAdjacent(text, text.find(TIME_RULES)).filter((span) => !isPastOrExisting(text, span, context, past, existing));
  const booked = candidates.filter((span) => bookingCues.some((cue) => overlapsWindow(text, span, cue)));
  const wished = candidates.filter((span) => !booked.includes(span) && wishCues.some((cue) => overlapsWindow(text, span, cue)));
  // A slot asked for beats a time merely wished for, which beats any other named time.
  const chosen = [booked, wished, candidates.filter((span) => span.strong)].find((spans) => spans.length > 0) ?? [];
  const phrase = chosen.map((span) => trimmedSurface(text, span)).join(' ').trim();
  return { phrase: phrase || null, asksForSlot: booked.length > 0 };
}
