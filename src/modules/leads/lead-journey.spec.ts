import { buildJourney } from './lead-journey';
import { LeadHistoryEntity } from './lead-history.entity';
import { LeadInteractionEntity } from './lead-interaction.entity';
import { LeadField, LeadInteractionType } from './leads.constants';

const T0 = Date.parse('2026-11-20T12:00:00.000Z');
const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);

function history(field: LeadField, oldValue: unknown, newValue: unknown, minutes: number): LeadHistoryEntity {
  return Object.assign(new LeadHistoryEntity(), { id: `h${minutes}`, field, oldValue, newValue, actorUserId: 'u-1', reason: null, createdAt: at(minutes) });
}

function interaction(type: LeadInteractionType, body: string, minutes: number): LeadInteractionEntity {
  return Object.assign(new LeadInteractionEntity(), { id: `i${minutes}`, type, body, occurredAt: at(minutes), authorId: 'u-2' });
}

describe('buildJourney', () => {
  it('should order every step by time with the gap since the previous one', () => {
    const journey = buildJourney({
      lead: { id: 'l-1', createdAt: at(1), appointmentAt: at(60 * 24) },
      firstMessages: [{ conversationId: 'c-1', at: at(0) }],
      history: [
        history(LeadField.Status, 'NEW', 'READY', 30),
        history(LeadField.AssignedToId, null, 'u-9', 10),
        history(LeadField.Notes, null, 'x', 11),
      ],
      interactions: [interaction(LeadInteractionType.Call, 'Liguei', 20)],
    });

    expect(journey.steps.map((step) => [step.type, step.since_previous_ms])).toEqual([
      ['first_message', null],
      ['lead_created', 60_000],
      ['assigned', 9 * 60_000],
      ['interaction', 10 * 60_000],
      ['status_changed', 10 * 60_000],
      ['appointment', (60 * 24 - 30) * 60_000],
    ]);
    expect(journey.total_ms).toBe(60 * 24 * 60_000);
    expect(journey.steps[0]).toMatchObject({ conversation_id: 'c-1', at: at(0).toISOString() });
    expect(journey.steps[2]).toMatchObject({ assigned_to_id: 'u-9', actor_user_id: 'u-1' });
    expect(journey.steps[3]).toMatchObject({ interaction_type: 'CALL', title: 'CALL: Liguei', actor_user_id: 'u-2' });
    expect(journey.steps[4]).toMatchObject({ from_status: 'NEW', to_status: 'READY' });
  });

  it('should start at the lead’s creation when the conversation has no message, keeping ties in gathering order', () => {
    const journey = buildJourney({
      lead: { id: 'l-1', createdAt: at(5), appointmentAt: null },
      firstMessages: [],
      history: [history(LeadField.Status, 'NEW', 'ENGAGED', 5)],
      interactions: [],
    });
    expect(journey.steps.map((step) => [step.type, step.since_previous_ms])).toEqual([
      ['lead_created', null],
      ['status_changed', 0],
    ]);
    expect(journey.total_ms).toBe(0);
  });
});
