import { Intent } from '../analysis/turn-analysis';
import { analysisOf } from '../engine/testing/engine-fixtures';
import { planTurn, TurnFacts } from './turn-planner';

const analysis = analysisOf;

function facts(overrides: Partial<TurnFacts> = {}): TurnFacts {
  return { analysis: analysis({ intent: Intent.InfoQuestion }), botOwns: true, contactOptedOut: false, contactBlocked: false, ...overrides };
}

describe('planTurn', () => {
  it('should answer questions and chat the engine can handle', () => {
    for (const intent of [Intent.InfoQuestion, Intent.PriceQuestion, Intent.GreetingOnly, Intent.Other]) {
      expect(planTurn(facts({ analysis: analysis({ intent }) }))).toBe('answer');
    }
  });

  it('should route scheduling, cancelling and complaints to their own turns', () => {
    expect(planTurn(facts({ analysis: analysis({ intent: Intent.Booking }) }))).toBe('scheduling');
    expect(planTurn(facts({ analysis: analysis({ intent: Intent.Reschedule }) }))).toBe('scheduling');
    expect(planTurn(facts({ analysis: analysis({ intent: Intent.Cancel }) }))).toBe('cancel');
    expect(planTurn(facts({ analysis: analysis({ intent: Intent.Complaint }) }))).toBe('complaint');
  });

  it('should put safety before anything else the bot would say, even a booking', () => {
    expect(planTurn(facts({ analysis: analysis({ intent: Intent.Booking, urgent: true }) }))).toBe('urgent');
    expect(planTurn(facts({ analysis: analysis({ intent: Intent.UrgentSymptom }) }))).toBe('urgent');
    expect(planTurn(facts({ analysis: analysis({ intent: Intent.PriceQuestion, wantsHuman: true }) }))).toBe('human_request');
  });

  it('should honour an opt-out whoever owns the conversation, and stay silent after it until the patient opts back in', () => {
    expect(planTurn(facts({ botOwns: false, analysis: analysis({ optOut: true }) }))).toBe('opt_out');
    expect(planTurn(facts({ contactOptedOut: true, analysis: analysis({ intent: Intent.UrgentSymptom, urgent: true }) }))).toBe('silent');
    expect(planTurn(facts({ contactOptedOut: true, analysis: analysis({ optIn: true }) }))).toBe('opt_in');
  });

  it('should say nothing when a person owns the conversation or the patient is blocked', () => {
    expect(planTurn(facts({ botOwns: false, analysis: analysis({ urgent: true }) }))).toBe('silent');
    expect(planTurn(facts({ contactBlocked: true, analysis: analysis({ optOut: true }) }))).toBe('silent');
  });
});
