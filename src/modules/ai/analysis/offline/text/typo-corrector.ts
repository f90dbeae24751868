import { typoBudget, withinDistance } from './damerau-levenshtein';
import { stemPt } from './pt-stemmer';
import { isCommonWord } from './common-words';

const CACHE_LIMIT = 10_000;
const MAX_SUFFIX_AFTER_STEM = 5;

/**
 * Maps a misspelt word onto the lexicon ("ajendar" → "agendar", "dermatolojista" → "dermatologista") within the
 * Damerau-Levenshtein budget of its length. Only lexicon words are targets and frequent words are never touched,
 * so a correct word is not bent into a keyword. The first letter must agree: WhatsApp typos rarely hit it, and
 * requiring it keeps the candidate set small. Results are cached because the same words recur on every turn.
 */
/** "carol" is not a typo of "caro": repeated letters are already folded, so an extra final letter is a real word. */
function isOneLetterLonger(word: string, candidate: string): boolean {
  return word.length === candidate.length + 1 && word.startsWith(candidate);
}

export class TypoCorrector {
  private readonly byFirstLetter = new Map<string, string[]>();
  private readonly stemOf = new Map<string, string>();
  private readonly stemsByFirstLetter = new Map<string, string[]>();
  private readonly known: Set<string>;
  private readonly prefixes: ReadonlySet<string>;
  private readonly cache = new Map<string, string>();

  constructor(vocabulary: Iterable<string>, stems: Iterable<string>) {
    this.known = new Set<string>();
    this.prefixes = new Set(stems);
    for (const word of vocabulary) {
      this.known.add(word);
      this.stemOf.set(word, stemPt(word));
      this.group(this.byFirstLetter, word);
    }
    for (const stem of stems) if (stem.length >= 5) this.group(this.stemsByFirstLetter, stem);
  }

  correct(word: string): string {
    if (this.known.has(word) || word.length < 5 || /\d/.test(word) || isCommonWord(word) || this.hasKnownPrefix(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const corrected = this.nearestWord(word) ?? this.nearestStem(word) ?? this.nearestByStem(word) ?? word;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, corrected);
    return corrected;
  }

  /** "desmaiou" already matches the rule `desmai*`; correcting it could only make it worse ("desmarcou"). */
  private hasKnownPrefix(word: string): boolean {
    for (let length = 3; length <= word.length; length++) if (this.prefixes.has(word.slice(0, length))) return true;
    return false;
  }

  private group(index: Map<string, string[]>, word: string): void {
    const list = index.get(word[0]) ?? [];
    list.push(word);
    index.set(word[0], list);
  }

  private nearestWord(word: string): string | null {
    const candidates = this.byFirstLetter.get(word[0]) ?? [];
    const budget = typoBudget(word.length);
    for (let distance = 1; distance <= budget; distance++) {
      const hit = candidates.find((candidate) => typoBudget(candidate.length) >= distance && !isOneLetterLonger(word, candidate) && withinDistance(word, candidate, distance));
      if (hit) return hit;
    }
    return null;
  }

  /** A prefix rule such as `agend*`: "ajendamento" is "agend" + "amento" with one slip in the stem. */
  private nearestStem(word: string): string | null {
    for (const stem of this.stemsByFirstLetter.get(word[0]) ?? []) {
      const rest = word.length - stem.length;
      if (rest < 0 || rest > MAX_SUFFIX_AFTER_STEM) continue;
      if (withinDistance(word.slice(0, stem.length), stem, typoBudget(stem.length))) return stem + word.slice(stem.length);
    }
    return null;
  }

  private nearestByStem(word: string): string | null {
    const stem = stemPt(word);
    if (stem.length < 5) return null;
    const budget = typoBudget(stem.length);
    const hit = (this.byFirstLetter.get(word[0]) ?? []).find((candidate) => withinDistance(stem, this.stemOf.get(candidate) ?? candidate, budget));
    return hit ?? null;
  }
}
