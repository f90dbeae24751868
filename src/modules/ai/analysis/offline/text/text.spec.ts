import { withinDistance, typoBudget } from './damerau-levenshtein';
import { foldWord } from './fold';
import { stemPt } from './pt-stemmer';
import { tokenizeBurst } from './tokenizer';
import { TypoCorrector } from './typo-corrector';

describe(foldWord.name, () => {
  it.each([
    ['Você', 'voce'],
    ['OIIII', 'oi'],
    ['urgenteee', 'urgente'],
    ['diaaa', 'dia'],
    ['oii', 'oi'],
    ['infeccionado', 'infeccionado'],
    ['carro', 'carro'],
    ['passar', 'passar'],
    ['leem', 'leem'],
  ])('should fold %s to %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });
});

describe(withinDistance.name, () => {
  it('should count substitutions, insertions, deletions and adjacent transpositions as one edit', () => {
    expect(withinDistance('ajendar', 'agendar', 1)).toBe(true);
    expect(withinDistance('consuta', 'consulta', 1)).toBe(true);
    expect(withinDistance('agnedar', 'agendar', 1)).toBe(true);
    expect(withinDistance('marcarr', 'marcar', 1)).toBe(true);
    expect(withinDistance('dermatolojsta', 'dermatologista', 2)).toBe(true);
    expect(withinDistance('pagar', 'parar', 0)).toBe(false);
    expect(withinDistance('sangue', 'sangrando', 2)).toBe(false);
  });

  it('should tolerate nothing below 5 letters, 1 edit up to 7 and 2 from 8', () => {
    expect([typoBudget(4), typoBudget(5), typoBudget(7), typoBudget(8)]).toEqual([0, 1, 1, 2]);
  });
});

describe(stemPt.name, () => {
  it('should give inflections of a word one stem', () => {
    expect(new Set(['agendar', 'agendamento', 'agendei', 'agendando'].map(stemPt)).size).toBe(1);
    expect(stemPt('consultas')).toBe(stemPt('consulta'));
    expect(stemPt('avisou')).toBe(stemPt('avisar'));
  });

  it('should leave short words alone', () => {
    expect(stemPt('dor')).toBe('dor');
    expect(stemPt('sair')).toBe('sair');
  });
});

describe(TypoCorrector.name, () => {
  const sut = new TypoCorrector(['agendar', 'consulta', 'dermatologista', 'avista', 'parar', 'caro'], ['desmai']);

  it('should correct a typo to the lexicon word within its budget', () => {
    expect(sut.correct('ajendar')).toBe('agendar');
    expect(sut.correct('consuta')).toBe('consulta');
    expect(sut.correct('dermatolojista')).toBe('dermatologista');
  });

  it('should leave frequent words, known prefixes, short words and names alone', () => {
    expect(sut.correct('avisa')).toBe('avisa');
    expect(sut.correct('pagar')).toBe('pagar');
    expect(sut.correct('desmaiou')).toBe('desmaiou');
    expect(sut.correct('carol')).toBe('carol');
    expect(sut.correct('xyzzyq')).toBe('xyzzyq');
  });
});

describe(tokenizeBurst.name, () => {
  const corrector = new TypoCorrector(['agendar'], []);

  it('should expand abbreviations, keep what was typed and end every message with a boundary', () => {
    const { tokens } = tokenizeBurst(['vc pode hj?', 'pfv'], corrector);
    expect(tokens.map((token) => token.canon)).toEqual(['voce', 'pode', 'hoje', '?', 'por', 'favor', '|']);
    expect(tokens[4].surface).toBe('pfv');
    expect(tokens[4].source).toBe(tokens[5].source);
  });

  it('should keep numbers, hours and dates whole and collect emoji', () => {
    const { tokens, emojis } = tokenizeBurst(['febre de 38,5 às 15h dia 10/12 🙂'], corrector);
    expect(tokens.map((token) => token.canon)).toEqual(['febre', 'de', '38.5', 'as', '15h', 'dia', '10/12', '|']);
    expect(emojis).toEqual(['🙂']);
  });

  it('should read laughter as laughter and never correct a capitalised name mid-sentence', () => {
    const { tokens } = tokenizeBurst(['kkkkk sou a Agendra'], corrector);
    expect(tokens.map((token) => token.canon)).toEqual(['kk', 'sou', 'a', 'agendra', '|']);
  });
});
