const MAX_TERMS = 24;
const TRIGRAM_MIN_LENGTH = 3;

/**
 * Words that say a question is being asked, not what it is about; matching them ranks every FAQ entry.
 * Compared without accents. Portuguese stop words proper are dropped by the text search configuration.
 */
const QUESTION_WORDS = new Set([
  'qual', 'quais', 'como', 'onde', 'quando', 'porque', 'voce', 'voces', 'vc', 'vcs', 'ce', 'oi', 'ola', 'bom', 'boa', 'dia', 'tarde',
  'noite', 'gostaria', 'queria', 'quero', 'saber', 'favor', 'pra', 'pro', 'tem', 'vocês', 'sobre', 'aqui', 'ai', 'ae', 'me', 'poderia',
  'pode', 'podem', 'consigo', 'informar', 'informação', 'informacao', 'obrigado', 'obrigada', 'please', 'what', 'where', 'when', 'how',
  'you', 'your', 'do', 'does', 'is', 'are', 'the', 'and',
]);

const unaccented = (word: string): string => word.normalize('NFD').replace(/\p{Diacritic}/gu, '');

export interface QueryTerms {
  /** The topical words, each safe as a `to_tsquery` expression on its own. */
  words: string[];
  /** A `to_tsquery` expression OR-ing the words (`limpeza | custa`), or null when nothing is left to match. */
  tsquery: string | null;
  /** Longer content words for typo-tolerant trigram matching (`limpesa` still finds `limpeza`). */
  trigram: string[];
}

/**
 * The words of a patient's question, safe to hand to `to_tsquery`: letters and digits only, so no operator
 * or quote from the text can reach the parser. Terms are OR-ed so a partial match still ranks.
 */
export function queryTerms(query: string): QueryTerms {
  const words = [
    ...new Set(
      query
        .normalize('NFC')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length >= 2 && !QUESTION_WORDS.has(unaccented(word))),
    ),
  ].slice(0, MAX_TERMS);
  return {
    words,
    tsquery: words.length > 0 ? words.join(' | ') : null,
    trigram: words.filter((word) => word.length >= TRIGRAM_MIN_LENGTH),
  };
}
