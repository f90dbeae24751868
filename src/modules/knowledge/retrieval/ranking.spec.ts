import { cosineSimilarity, fuseRankings, rankByCosine, RRF_K } from './ranking';
import { queryTerms } from './query-terms';

describe('fuseRankings', () => {
  it('should reward ids ranked well by several rankings', () => {
    const scores = fuseRankings([{ ids: ['a', 'b', 'c'] }, { ids: ['b', 'a'] }, { ids: ['b'] }]);
    expect(scores.get('b')).toBeCloseTo(1 / (RRF_K + 2) + 2 / (RRF_K + 1));
    expect(scores.get('a')).toBeCloseTo(1 / (RRF_K + 1) + 1 / (RRF_K + 2));
    expect(scores.get('c')).toBeCloseTo(1 / (RRF_K + 3));
    expect([...scores.entries()].sort((x, y) => y[1] - x[1]).map(([id]) => id)).toEqual(['b', 'a', 'c']);
  });

  it('should scale each ranking by its weight', () => {
    const scores = fuseRankings([{ ids: ['a', 'b'] }, { ids: ['b', 'a'], weight: 0.5 }]);
    expect(scores.get('a')).toBeCloseTo(1 / (RRF_K + 1) + 0.5 / (RRF_K + 2));
    expect(scores.get('a')).toBeGreaterThan(scores.get('b') ?? 0);
  });

  it('should answer nothing for no rankings', () => {
    expect(fuseRankings([]).size).toBe(0);
  });
});

describe('cosineSimilarity', () => {
  it('should be 1 for the same direction, 0 for orthogonal and -1 for opposite vectors', () => {
    expect(cosineSimilarity([1, 2], [2, 4])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 0], [0, 3])).toBeCloseTo(0);
    expect(cosineSimilarity([1, 1], [-1, -1])).toBeCloseTo(-1);
  });

  it('should refuse vectors of different sizes, empty or zero ones', () => {
    expect(cosineSimilarity([1, 2], [1, 2, 3])).toBeNull();
    expect(cosineSimilarity([], [])).toBeNull();
    expect(cosineSimilarity([0, 0], [1, 1])).toBeNull();
  });
});

describe('rankByCosine', () => {
  it('should order by similarity and skip incomparable embeddings', () => {
    const ranked = rankByCosine(
      [1, 0],
      [
        { id: 'far', embedding: [0, 1] },
        { id: 'near', embedding: [1, 0.1] },
        { id: 'other-model', embedding: [1, 0, 0] },
        { id: 'mid', embedding: [1, 1] },
      ],
      3,
    );
    expect(ranked).toEqual(['near', 'mid', 'far']);
  });
});

describe('queryTerms', () => {
  it('should OR the topical words and drop question words', () => {
    expect(queryTerms('Vocês abrem no sábado?')).toEqual({ words: ['abrem', 'no', 'sábado'], tsquery: 'abrem | no | sábado', trigram: ['abrem', 'sábado'] });
    expect(queryTerms('Qual o endereço?')).toEqual({ words: ['endereço'], tsquery: 'endereço', trigram: ['endereço'] });
    expect(queryTerms('do you accept Unimed?')).toEqual({ words: ['accept', 'unimed'], tsquery: 'accept | unimed', trigram: ['accept', 'unimed'] });
  });

  it('should keep only letters and digits, so no tsquery operator gets through', () => {
    expect(queryTerms("limpeza & clareamento | !canal (urgente) 'x':* <-> 8h")).toMatchObject({
      tsquery: 'limpeza | clareamento | canal | urgente | 8h',
      trigram: ['limpeza', 'clareamento', 'canal', 'urgente'],
    });
  });

  it('should answer no query for punctuation or question words alone', () => {
    expect(queryTerms('?!')).toEqual({ words: [], tsquery: null, trigram: [] });
    expect(queryTerms('oi, qual?')).toEqual({ words: [], tsquery: null, trigram: [] });
  });

  it('should deduplicate and cap the number of terms', () => {
    const many = Array.from({ length: 40 }, (_, i) => `termo${i}`).join(' ');
    expect(queryTerms(`${many} termo0`).tsquery?.split(' | ')).toHaveLength(24);
  });
});
