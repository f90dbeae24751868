import { ConversationStatus } from '../conversation.entity';
import { allowedTransitions, canTransition, CONVERSATION_TRANSITIONS } from './conversation-transitions';

const ALL = Object.values(ConversationStatus);

describe('conversation transitions', () => {
  it('should list every status, so a new one cannot be forgotten', () => {
    expect(Object.keys(CONVERSATION_TRANSITIONS).sort()).toEqual([...ALL].sort());
  });

  it('should let nothing leave CLOSED', () => {
    for (const to of ALL) expect(canTransition(ConversationStatus.Closed, to)).toBe(false);
    expect(allowedTransitions(ConversationStatus.Closed)).toEqual([]);
  });

  it('should let every open status be closed or transferred', () => {
    for (const from of ALL.filter((status) => status !== ConversationStatus.Closed)) {
      expect(canTransition(from, ConversationStatus.Closed)).toBe(true);
      expect(canTransition(from, ConversationStatus.Transferred)).toBe(true);
    }
  });

  it.each([
    [ConversationStatus.Active, ConversationStatus.Active],
    [ConversationStatus.WaitingSecretary, ConversationStatus.WaitingSecretary],
    [ConversationStatus.AwaitingResponse, ConversationStatus.AwaitingResponse],
    [ConversationStatus.Closed, ConversationStatus.Active],
  ])('should refuse %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it.each([
    [ConversationStatus.Active, ConversationStatus.WaitingSecretary],
    [ConversationStatus.WaitingSecretary, ConversationStatus.Active],
    [ConversationStatus.AwaitingResponse, ConversationStatus.WaitingSecretary],
    [ConversationStatus.Transferred, ConversationStatus.Transferred],
    [ConversationStatus.Transferred, ConversationStatus.AwaitingResponse],
  ])('should allow %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('should answer no transitions for a status it does not know', () => {
    expect(allowedTransitions('OPEN' as ConversationStatus)).toEqual([]);
  });
});
