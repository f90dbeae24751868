import { assertValidScore, cleanFact, initialFacts, LeadFactColumns, mergeFacts, storedReasons } from './lead-facts';
import { LeadScoreInput } from './leads.constants';

const known: LeadFactColumns = { patientName: 'Maria', procedure: 'limpeza de pele', preferredTime: 'sábado de manhã', intent: 'booking' };
const validScore: LeadScoreInput = {
  score: 55,
  band: 'warm',
  reasons: [
    { factor: 'intent', points: 35, detail: 'Pediu para agendar' },
    { factor: 'objections', points: -5, detail: 'Achou caro' },
    { factor: 'completeness', points: 25, detail: 'Nome e procedimento' },
  ],
};

describe('lead facts', () => {
  describe(cleanFact.name, () => {
    it('should trim, cut to the column length and treat blanks as unknown', () => {
      expect(cleanFact('  Maria  ', 120)).toBe('Maria');
      expect(cleanFact('a'.repeat(130), 120)).toHaveLength(120);
      expect(cleanFact('   ', 120)).toBeNull();
      expect(cleanFact(null, 120)).toBeNull();
      expect(cleanFact(undefined, 120)).toBeNull();
    });
  });

  describe(mergeFacts.name, () => {
    it('should never erase a known fact with a missing, null or blank one', () => {
      expect(mergeFacts(known, { patientName: null, procedure: '  ', intent: undefined })).toEqual(known);
      expect(mergeFacts(known)).toEqual(known);
    });

    it('should replace a known fact with a newly said one', () => {
      expect(mergeFacts(known, { preferredTime: 'terça à tarde', intent: 'price_question' })).toEqual({
        ...known,
        preferredTime: 'terça à tarde',
        intent: 'price_question',
      });
    });

    it('should not copy anything but the facts', () => {
      const lead = { ...known, score: 10, notes: 'x' };
      expect(Object.keys(mergeFacts(lead, {})).sort()).toEqual(['intent', 'patientName', 'preferredTime', 'procedure']);
    });
  });

  describe(initialFacts.name, () => {
    it('should start with what was said and null for the rest', () => {
      expect(initialFacts({ procedure: ' botox ' })).toEqual({ patientName: null, procedure: 'botox', preferredTime: null, intent: null });
      expect(initialFacts()).toEqual({ patientName: null, procedure: null, preferredTime: null, intent: null });
    });
  });

  describe(assertValidScore.name, () => {
    it('should accept a well-formed score, bounds included', () => {
      expect(() => assertValidScore(validScore)).not.toThrow();
      expect(() => assertValidScore({ score: 0, band: 'cold', reasons: [] })).not.toThrow();
      expect(() => assertValidScore({ score: 100, band: 'hot', reasons: [] })).not.toThrow();
    });

    it.each([
      ['a score above 100', { ...validScore, score: 101 }],
      ['a negative score', { ...validScore, score: -1 }],
      ['a fractional score', { ...validScore, score: 55.5 }],
      ['a NaN score', { ...validScore, score: Number.NaN }],
      ['an unknown band', { ...validScore, band: 'lukewarm' }],
      ['an unknown factor', { ...validScore, reasons: [{ factor: 'mood', points: 1, detail: 'x' }] }],
      ['infinite points', { ...validScore, reasons: [{ factor: 'intent', points: Infinity, detail: 'x' }] }],
      ['a reason without detail', { ...validScore, reasons: [{ factor: 'intent', points: 1 }] }],
      ['reasons that are not a list', { ...validScore, reasons: 'intent' }],
    ])('should refuse %s with LEAD_INVALID_SCORE', (_label, score) => {
      expect(() => assertValidScore(score as unknown as LeadScoreInput)).toThrow(expect.objectContaining({ code: 'LEAD_INVALID_SCORE' }));
    });
  });

  describe(storedReasons.name, () => {
    it('should keep only factor, points and detail, the detail cut to 300 characters', () => {
      const extra = { factor: 'recency', points: 5, detail: 'x'.repeat(400), weight: 0.2 } as LeadScoreInput['reasons'][number];
      expect(storedReasons([extra])).toEqual([{ factor: 'recency', points: 5, detail: 'x'.repeat(300) }]);
    });
  });
});
