import { LeadStatus } from './leads.constants';

/**
 * Where a lead may go from each status. Forward moves may skip steps (a patient can book in the first
 * message); INTERESTED → ENGAGED, READY → INTERESTED and SCHEDULED → READY undo a move made too early or
 * a cancelled appointment; LOST can be reopened (as NEW or ENGAGED); CONVERTED is final, because the
 * conversion already counts in the clinic's figures.
 */
export const LEAD_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  [LeadStatus.New]: [LeadStatus.Engaged, LeadStatus.Interested, LeadStatus.Ready, LeadStatus.Scheduled, LeadStatus.Lost],
  [LeadStatus.Engaged]: [LeadStatus.Interested, LeadStatus.Ready, LeadStatus.Scheduled, LeadStatus.Lost],
  [LeadStatus.Interested]: [LeadStatus.Ready, LeadStatus.Scheduled, LeadStatus.Lost, LeadStatus.Engaged],
  [LeadStatus.Ready]: [LeadStatus.Scheduled, LeadStatus.Lost, LeadStatus.Interested],
  [LeadStatus.Scheduled]: [LeadStatus.Converted, LeadStatus.Lost, LeadStatus.Ready],
  [LeadStatus.Converted]: [],
  [LeadStatus.Lost]: [LeadStatus.New, LeadStatus.Engaged],
};

export function canTransition(from: LeadStatus, to: LeadStatus): boolean {
  return LEAD_TRANSITIONS[from].includes(to);
}
