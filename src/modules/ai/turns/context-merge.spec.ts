import { Intent, TurnAnalysis } from '../analysis/turn-analysis';
import { mergeContext, summariseContext } from './context-merge';

const base: TurnAnalysis = {
  intent: Intent.Booking,
  confidence: 0.9,
  urgent: false,
  wantsHuman: false,
  optOut: false,
  optIn: false,
  patientName: 'Juliana',
  procedure: 'limpeza',
  preferredTime: 'sábado de manhã',
  symptoms: ['sensibilidade'],
  sentiment: 'positive',
  objections: ['price'],
};

describe('mergeContext', () => {
  it('should keep what earlier turns learned when a later turn does not mention it', () => {
    const first = mergeContext({}, base);
    const second = mergeContext(first, { ...base, intent: Intent.PriceQuestion, patientName: null, procedure: null, preferredTime: null, symptoms: [], objections: [] });
    expect(second).toMatchObject({
      patientName: 'Juliana',
      procedure: 'limpeza',
      preferredTime: 'sábado de manhã',
      symptoms: ['sensibilidade'],
      objections: ['price'],
      concerns: ['preço'],
      lastIntent: 'price_question',
      intentType: 'question',
      intentsSeen: ['booking', 'price_question'],
      analysedTurns: 2,
    });
  });

  it('should let a newer statement replace an older one and never list a fact twice', () => {
    const first = mergeContext({}, base);
    const second = mergeContext(first, { ...base, preferredTime: 'segunda à tarde', symptoms: ['Sensibilidade', 'dor ao mastigar'] });
    expect(second.preferredTime).toBe('segunda à tarde');
    expect(second.symptoms).toEqual(['sensibilidade', 'dor ao mastigar']);
    expect(second.preferences).toEqual(['sábado de manhã', 'segunda à tarde']);
  });
});

describe('summariseContext', () => {
  it('should remember a returning patient in a sentence or two, and nothing when nothing was learned', () => {
    expect(summariseContext(mergeContext({}, base))).toBe(
      'Paciente: Juliana. Interesse: limpeza. Preferência de horário: sábado de manhã. Relatou: sensibilidade. Preocupações: preço. Assuntos: booking.',
    );
    expect(summariseContext({})).toBeNull();
  });
});
