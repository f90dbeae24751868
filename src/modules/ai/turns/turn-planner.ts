import { Intent, TurnAnalysis } from '../analysis/turn-analysis';

/** What the bot does with one analysed burst. */
export type TurnAction =
  /** Nothing to say: the bot does not own the conversation, or the patient opted out or is blocked. */
  | 'silent'
  | 'opt_out'
  | 'opt_in'
  | 'urgent'
  | 'human_request'
  | 'complaint'
  /** Booking or rescheduling: a lead, WAITING_SECRETARY, and when a secretary will confirm. */
  | 'scheduling'
  | 'cancel'
  /** A question or chat the engine answers. */
  | 'answer';

export interface TurnFacts {
  analysis: TurnAnalysis;
  botOwns: boolean;
  contactOptedOut: boolean;
  contactBlocked: boolean;
}

/**
 * The order matters: a blocked patient gets nothing; opting out (or back in) is honoured whoever owns the
 * conversation; safety comes before everything the bot would otherwise say; only then does ownership decide
 * whether the bot speaks at all.
 */
export function planTurn({ analysis, botOwns, contactOptedOut, contactBlocked }: TurnFacts): TurnAction {
  if (contactBlocked) return 'silent';
  if (contactOptedOut) return analysis.optIn ? 'opt_in' : 'silent';
  if (analysis.optOut || analysis.intent === Intent.OptOut) return 'opt_out';
  if (!botOwns) return 'silent';
  if (analysis.urgent || analysis.intent === Intent.UrgentSymptom) return 'urgent';
  if (analysis.wantsHuman || analysis.intent === Intent.HumanRequest) return 'human_request';
  switch (analysis.intent) {
    case Intent.Booking:
    case Intent.Reschedule:
      return 'scheduling';
    case Intent.Cancel:
      return 'cancel';
    case Intent.Complaint:
      return 'complaint';
    default:
      return 'answer';
  }
}
