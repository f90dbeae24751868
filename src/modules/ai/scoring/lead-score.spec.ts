import { Intent, Objection, TurnAnalysis } from 'src/modules/ai/analysis/turn-analysis';
import { hasBookingIntent } from './booking-intent';
import { mergeLeadFacts, NO_LEAD_FACTS } from './lead-facts';
import { bandFor, LEAD_BAND_THRESHOLDS, scoreLead } from './lead-score';
import { LeadFacts, LeadScore, LeadScoringInput } from './lead-score.types';

const NOW = new Date('2030-05-10T12:00:00Z');
const HOUR = 3_600_000;

function analysisOf(overrides: Partial<TurnAnalysis> = {}): TurnAnalysis {
  return {
    intent: Intent.InfoQuestion, confidence: 0.8, urgent: false, wantsHuman: false, optOut: false, optIn: false,
    patientName: null, procedure: null, preferredTime: null, symptoms: [], sentiment: 'neutral', objections: [], ...overrides,
  };
}

function inputOf(overrides: Partial<LeadScoringInput> = {}): LeadScoringInput {
  return {
    analysis: analysisOf(),
    facts: NO_LEAD_FACTS,
    engagement: { inboundMessages: 1, turns: 1, answeredBotQuestions: false },
    lastInboundAt: NOW,
    now: NOW,
    objections: [],
    ...overrides,
  };
}

const pointsOf = (score: LeadScore, factor: string): number => score.reasons.find((reason) => reason.factor === factor)?.points ?? NaN;
const scoreWith = (overrides: Partial<LeadScoringInput>): number => scoreLead(inputOf(overrides)).score;

describe(scoreLead.name, () => {
  it('should rank intents from booking down to opt-out', () => {
    const ordered = [Intent.Booking, Intent.PriceQuestion, Intent.InfoQuestion, Intent.GreetingOnly, Intent.Complaint, Intent.OptOut];
    const scores = ordered.map((intent) => scoreWith({ analysis: analysisOf({ intent }) }));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(scores).size).toBeGreaterThan(4);
  });

  it('should make a bare booking hot, a price question warm and a greeting cold', () => {
    expect(scoreLead(inputOf({ analysis: analysisOf({ intent: Intent.Booking }) })).band).toBe('hot');
    expect(scoreLead(inputOf({ analysis: analysisOf({ intent: Intent.Reschedule }) })).band).toBe('hot');
    expect(scoreLead(inputOf({ analysis: analysisOf({ intent: Intent.PriceQuestion }) })).band).toBe('warm');
    expect(scoreLead(inputOf({ analysis: analysisOf({ intent: Intent.UrgentSymptom, urgent: true }) })).band).toBe('warm');
    expect(scoreLead(inputOf({ analysis: analysisOf({ intent: Intent.GreetingOnly }) })).band).toBe('cold');
  });

  it('should score an urgent patient who names a time like a booking, unless they asked for a person', () => {
    const urgent = analysisOf({ intent: Intent.UrgentSymptom, urgent: true, preferredTime: 'hoje' });
    expect(scoreLead(inputOf({ analysis: urgent })).band).toBe('hot');
    expect(scoreLead(inputOf({ analysis: { ...urgent, wantsHuman: true } })).band).toBe('warm');
  });

  it('should add points for each fact known, more for a named service than for a bare "consulta"', () => {
    const none = scoreWith({});
    const generic = scoreWith({ facts: { ...NO_LEAD_FACTS, procedure: 'consulta' } });
    const specific = scoreWith({ facts: { ...NO_LEAD_FACTS, procedure: 'limpeza de pele' } });
    const all = scoreWith({ facts: { patientName: 'Ana', procedure: 'limpeza de pele', preferredTime: 'sábado' } });
    expect(none).toBeLessThan(generic);
    expect(generic).toBeLessThan(specific);
    expect(specific).toBeLessThan(all);
  });

  it('should lift an info question about a named service from cold to warm', () => {
    expect(scoreLead(inputOf()).band).toBe('cold');
    expect(scoreLead(inputOf({ facts: { ...NO_LEAD_FACTS, procedure: 'exame de vista' } })).band).toBe('warm');
  });

  it('should reward engagement without letting it outweigh intent', () => {
    const quiet = scoreWith({});
    const engaged = scoreWith({ engagement: { inboundMessages: 8, turns: 4, answeredBotQuestions: true } });
    expect(engaged).toBeGreaterThan(quiet);
    const chattyGreeter = inputOf({ analysis: analysisOf({ intent: Intent.GreetingOnly }), engagement: { inboundMessages: 30, turns: 10, answeredBotQuestions: true } });
    expect(scoreLead(chattyGreeter).band).toBe('cold');
  });

  it('should fall as the last message gets older', () => {
    const ages = [0, 2, 30, 100, 200, 2000].map((hours) => scoreWith({ lastInboundAt: new Date(NOW.getTime() - hours * HOUR) }));
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
    expect(ages[0]).toBeGreaterThan(ages[ages.length - 1]);
  });

  it.each<[Objection[]]>([[['price']], [['distance']], [['fear']], [['price', 'distance', 'fear']]])('should lower the score for objections %j', (objections) => {
    const booking = analysisOf({ intent: Intent.Booking });
    expect(scoreWith({ analysis: booking, objections })).toBeLessThan(scoreWith({ analysis: booking }));
  });

  it('should count a repeated objection once', () => {
    expect(scoreWith({ objections: ['price', 'price'] })).toBe(scoreWith({ objections: ['price'] }));
  });

  it('should drive an opt-out to 0 with reasons that still add up', () => {
    const score = scoreLead(inputOf({ analysis: analysisOf({ intent: Intent.OptOut, optOut: true }), facts: { patientName: 'Ana', procedure: 'botox', preferredTime: 'sexta' } }));
    expect(score.score).toBe(0);
    expect(score.band).toBe('cold');
    expect(score.reasons.reduce((sum, reason) => sum + reason.points, 0)).toBe(0);
    expect(pointsOf(score, 'intent')).toBeLessThan(0);
  });

  it('should stay within 0..100, as an integer equal to the sum of its reasons, for every combination', () => {
    const facts: LeadFacts[] = [NO_LEAD_FACTS, { patientName: 'Ana', procedure: 'clareamento', preferredTime: 'amanhã' }];
    for (const intent of Object.values(Intent)) {
      for (const fact of facts) {
        for (const hours of [0, 10_000]) {
          for (const objections of [[], ['price', 'distance', 'fear']] as Objection[][]) {
            const score = scoreLead(inputOf({ analysis: analysisOf({ intent }), facts: fact, objections, lastInboundAt: new Date(NOW.getTime() - hours * HOUR), engagement: { inboundMessages: 9, turns: 9, answeredBotQuestions: true } }));
            expect(Number.isInteger(score.score)).toBe(true);
            expect(score.score).toBeGreaterThanOrEqual(0);
            expect(score.score).toBeLessThanOrEqual(100);
            expect(score.reasons.reduce((sum, reason) => sum + reason.points, 0)).toBe(score.score);
            expect(score.reasons.map((reason) => reason.factor)).toEqual(['intent', 'completeness', 'engagement', 'recency', 'objections']);
          }
        }
      }
    }
  });

  it('should reach 100 for a complete, engaged, recent booking without objections', () => {
    const score = scoreLead(inputOf({
      analysis: analysisOf({ intent: Intent.Booking }),
      facts: { patientName: 'Ana', procedure: 'clareamento', preferredTime: 'amanhã' },
      engagement: { inboundMessages: 5, turns: 3, answeredBotQuestions: true },
    }));
    expect(score.score).toBe(100);
  });
});

describe(bandFor.name, () => {
  it('should cut at the exported thresholds', () => {
    expect(bandFor(LEAD_BAND_THRESHOLDS.warm - 1)).toBe('cold');
    expect(bandFor(LEAD_BAND_THRESHOLDS.warm)).toBe('warm');
    expect(bandFor(LEAD_BAND_THRESHOLDS.hot - 1)).toBe('warm');
    expect(bandFor(LEAD_BAND_THRESHOLDS.hot)).toBe('hot');
  });
});

describe(hasBookingIntent.name, () => {
  it('should hold for bookings, reschedules and urgent patients asking for a time, not for cancels', () => {
    expect(hasBookingIntent(analysisOf({ intent: Intent.Booking }))).toBe(true);
    expect(hasBookingIntent(analysisOf({ intent: Intent.Reschedule }))).toBe(true);
    expect(hasBookingIntent(analysisOf({ intent: Intent.UrgentSymptom, preferredTime: 'agora' }))).toBe(true);
    expect(hasBookingIntent(analysisOf({ intent: Intent.UrgentSymptom }))).toBe(false);
    expect(hasBookingIntent(analysisOf({ intent: Intent.Cancel, preferredTime: 'sexta' }))).toBe(false);
    expect(hasBookingIntent(analysisOf({ intent: Intent.PriceQuestion, procedure: 'botox' }))).toBe(false);
  });
});

describe(mergeLeadFacts.name, () => {
  it('should keep what earlier turns said and let newer statements replace it', () => {
    const first = mergeLeadFacts(NO_LEAD_FACTS, analysisOf({ patientName: 'Ana', procedure: 'limpeza' }));
    const second = mergeLeadFacts(first, analysisOf({ preferredTime: 'sábado', procedure: 'clareamento' }));
    expect(second).toEqual({ patientName: 'Ana', procedure: 'clareamento', preferredTime: 'sábado' });
  });
});
