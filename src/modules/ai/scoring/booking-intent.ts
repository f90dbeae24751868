import { Intent, TurnAnalysis } from 'src/modules/ai/analysis/turn-analysis';

/**
 * Whether the patient wants a visit scheduled, read from the analysis contract alone so both engines agree.
 * Booking and rescheduling do; so does an urgent patient who names a time ("tem como me encaixar hoje?"),
 * unless they asked for a person, in which case the time is when to be contacted ("falar com ela hoje").
 */
export function hasBookingIntent(analysis: TurnAnalysis): boolean {
  if (analysis.intent === Intent.Booking || analysis.intent === Intent.Reschedule) return true;
  return analysis.intent === Intent.UrgentSymptom && analysis.preferredTime !== null && !analysis.wantsHuman;
}
