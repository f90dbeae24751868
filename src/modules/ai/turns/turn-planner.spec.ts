import { Intent, TurnAnalysis } from '../analysis/turn-analysis';
import { planTurn, TurnFacts } from './turn-planner';

function analysis(overrides: Partial<TurnAnalysis> = {}): TurnAnalysis {
  return {
    intent: Intent.InfoQuestion,
    confidence: 0.8,
    urgent: false,
    wantsHuman: false,
    optOut: false,
    optIn: false,
    patientName: null,
    procedure: null,
    preferredTime: null,
    symptoms: [],
    sentiment: 'neutral',
    objections: [],
    ...overrides,
  };
}

function facts(overrides: Partial<TurnFacts> = {}): TurnFacts {
  return { analysis: analysis(), botOwns: true, contactOptedOut: false, contactBlocked: false, ...overrides };
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
