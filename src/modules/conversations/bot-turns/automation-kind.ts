/** Why the bot wrote a message; the sender treats some kinds differently (see OutboundSenderService). */
export enum AutomationKind {
  Reply = 'reply',
  Handoff = 'handoff',
  BookingHandoff = 'booking_handoff',
  UrgentSafety = 'urgent_safety',
  OptOutConfirmation = 'opt_out_confirmation',
  OptInConfirmation = 'opt_in_confirmation',
  Fallback = 'fallback',
}

/** Sent even though the patient opted out: the one confirmation that they will hear nothing more. */
export const SENT_DESPITE_OPT_OUT: ReadonlySet<string> = new Set([AutomationKind.OptOutConfirmation]);

/** Still sent after a human takes over: they tell the patient what happens next, not an answer the human might contradict. */
export const SENT_DESPITE_HUMAN_OWNER: ReadonlySet<string> = new Set([
  AutomationKind.Handoff,
  AutomationKind.BookingHandoff,
  AutomationKind.UrgentSafety,
  AutomationKind.OptOutConfirmation,
  AutomationKind.OptInConfirmation,
]);
