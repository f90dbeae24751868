import { ConversationStatus } from '../conversation.entity';

const { Active, WaitingSecretary, Transferred, AwaitingResponse, Closed } = ConversationStatus;

/**
 * Where each status may go. A closed conversation is history: the patient's next message opens a new one,
 * so nothing leaves CLOSED. TRANSFERRED → TRANSFERRED is a re-transfer to yet another person.
 */
export const CONVERSATION_TRANSITIONS: Readonly<Record<ConversationStatus, readonly ConversationStatus[]>> = {
  [Active]: [WaitingSecretary, AwaitingResponse, Transferred, Closed],
  [WaitingSecretary]: [Active, AwaitingResponse, Transferred, Closed],
  [AwaitingResponse]: [Active, WaitingSecretary, Transferred, Closed],
  [Transferred]: [Active, WaitingSecretary, AwaitingResponse, Transferred, Closed],
  [Closed]: [],
};

/** Statuses a person must explain: the reason is kept in the history. */
export const STATUSES_REQUIRING_REASON: readonly ConversationStatus[] = [Closed, Transferred];

export function allowedTransitions(from: ConversationStatus): readonly ConversationStatus[] {
  return CONVERSATION_TRANSITIONS[from] ?? [];
}

export function canTransition(from: ConversationStatus, to: ConversationStatus): boolean {
  return allowedTransitions(from).includes(to);
}
