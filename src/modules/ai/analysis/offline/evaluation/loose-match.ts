import { stripAccents } from '../text/fold';

const STOPWORDS = new Set(['a', 'o', 'as', 'os', 'de', 'do', 'da', 'dos', 'das', 'e', 'ou', 'com', 'para', 'pra', 'pro', 'no', 'na', 'um', 'uma', 'em', 'ao', 'aos', 'as']);

function contentWords(text: string): string[] {
  return stripAccents(text.toLowerCase())
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !STOPWORDS.has(word));
}

/**
 * The fixture's rule for free-text fields: ignore case and accents, accept containment or a shared content word.
 * Both null is a match; one null is not.
 */
export function looselyEqual(expected: string | null, predicted: string | null): boolean {
  if (expected === null || predicted === null) return expected === predicted;
  const expectedWords = contentWords(expected);
  const predictedWords = contentWords(predicted);
  if (expectedWords.length === 0 || predictedWords.length === 0) return expectedWords.length === predictedWords.length;
  const joinedExpected = expectedWords.join(' ');
  const joinedPredicted = predictedWords.join(' ');
  if (joinedExpected.includes(joinedPredicted) || joinedPredicted.includes(joinedExpected)) return true;
  return expectedWords.some((word) => predictedWords.includes(word));
}
