import { TurnAnalysis } from 'src/modules/ai/analysis/turn-analysis';
import { LeadFacts } from './lead-score.types';

export const NO_LEAD_FACTS: LeadFacts = { patientName: null, procedure: null, preferredTime: null };

/** Facts accumulate across turns; a newer statement replaces an older one, silence keeps it. */
export function mergeLeadFacts(previous: LeadFacts, analysis: TurnAnalysis): LeadFacts {
  return {
    patientName: analysis.patientName ?? previous.patientName,
    procedure: analysis.procedure ?? previous.procedure,
    preferredTime: analysis.preferredTime ?? previous.preferredTime,
  };
}
