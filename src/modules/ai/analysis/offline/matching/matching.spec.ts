import { tokenizeBurst } from '../text/tokenizer';
import { TypoCorrector } from '../text/typo-corrector';
import { AnalysisText } from './analysis-text';
import { compileRule, compileRules } from './phrase-pattern';

const textOf = (...burst: string[]): AnalysisText => new AnalysisText(tokenizeBurst(burst, new TypoCorrector([], [])).tokens);
const matches = (pattern: string, ...burst: string[]): string[] => {
  const text = textOf(...burst);
  return text.find([compileRule({ pattern }, { modal: ['quero', 'tem_como'] })]).map((span) => text.surface(span.start, span.end));
};

describe(compileRule.name, () => {
  it('should match words, alternatives, prefixes, gaps, optional words and macros', () => {
    expect(matches('quero marcar', 'eu quero marcar')).toEqual(['quero marcar']);
    expect(matches('quero/queria marcar', 'queria marcar')).toEqual(['queria marcar']);
    expect(matches('sangr*', 'tá sangrando')).toEqual(['sangrando']);
    expect(matches('{modal} ~2 marcar', 'tem como eu marcar')).toEqual(['tem como eu marcar']);
    expect(matches('dor de? cabeca', 'dor cabeça')).toEqual(['dor cabeça']);
    expect(matches('dia #', 'pode ser dia 15')).toEqual(['dia 15']);
    expect(matches('as #h', 'às 14h30')).toEqual(['às 14h30']);
  });

  it('should not let a gap cross punctuation or messages', () => {
    expect(matches('quero ~3 marcar', 'quero, marcar')).toEqual([]);
    expect(matches('quero ~3 marcar', 'quero', 'marcar')).toEqual([]);
  });

  it('should anchor ^ and $ to a clause and honour !negative lookahead', () => {
    expect(matches('^ sair $', 'sair')).toEqual(['sair']);
    expect(matches('^ sair $', 'vou sair cedo')).toEqual([]);
    expect(matches('medo !de_ter', 'medo de ter infeccionado')).toEqual([]);
    expect(matches('medo !de_ter', 'medo de agulha')).toEqual(['medo']);
  });

  it('should refuse an unknown macro', () => {
    expect(() => compileRules([{ pattern: '{nope}' }])).toThrow('Unknown macro {nope}');
  });
});

describe(AnalysisText.name, () => {
  it('should drop matches a negation covers, before or inside them', () => {
    expect(matches('agendar', 'não quero agendar agora')).toEqual([]);
    expect(matches('dor ~4 forte', 'a dor não é forte')).toEqual([]);
    expect(matches('atendente', 'nem preciso de atendente')).toEqual([]);
  });

  it('should keep a match when the negation ends at a contrast, a new verb or is not a refusal', () => {
    expect(matches('marcar', 'não tenho convênio mas quero marcar')).toEqual(['marcar']);
    expect(matches('marcar', 'não tenho convênio quero marcar')).toEqual(['marcar']);
    expect(matches('marcar', 'não consigo marcar pelo site')).toEqual(['marcar']);
    expect(matches('sangr*', 'não para de sangrar')).toEqual(['sangrar']);
  });

  it('should keep a rule that spells the negation itself', () => {
    expect(matches('nao ~2 receber', 'não quero receber')).toEqual(['não quero receber']);
  });
});
