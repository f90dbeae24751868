import { ABBREVIATIONS, LAUGHTER } from './abbreviations';
import { foldWord } from './fold';
import { TypoCorrector } from './typo-corrector';

export type TokenKind = 'word' | 'number' | 'question' | 'comma' | 'boundary';

export interface Token {
  /** What rules match: a folded, expanded, corrected word; a number; or '?', ',' and '|' for punctuation. */
  canon: string;
  /** As typed, for names and phrases handed back to people ('' for punctuation). */
  surface: string;
  /** Index of the typed word it came from: "pfv" yields "por" and "favor" with one source. */
  source: number;
  message: number;
  kind: TokenKind;
}

export interface TokenizedBurst {
  tokens: Token[];
  emojis: string[];
}

const RAW_TOKEN = /(\p{L}[\p{L}\p{M}]*)|(\d+(?:[.,:/h]\d+)*h?)|(\?+)|(,)|([.!;:\n()…]+)|(\p{Extended_Pictographic})/gu;

const KIND_OF: Record<'|' | '?' | ',', TokenKind> = { '|': 'boundary', '?': 'question', ',': 'comma' };

const BOUNDARY_RANK: Record<string, number> = { ',': 1, '|': 2, '?': 3 };

/** Consecutive punctuation collapses into its strongest mark; '?' wins because rules look for questions. */
function pushBoundary(tokens: Token[], canon: '|' | '?' | ',', message: number, source: number): void {
  const last = tokens[tokens.length - 1];
  if (last && last.kind !== 'word' && last.kind !== 'number') {
    if (BOUNDARY_RANK[canon] > BOUNDARY_RANK[last.canon]) Object.assign(last, { canon, kind: KIND_OF[canon] });
    return;
  }
  tokens.push({ canon, surface: '', source, message, kind: KIND_OF[canon] });
}

/** Splits each message into tokens; every message ends with a boundary so no rule spans two messages. */
export function tokenizeBurst(messages: readonly string[], corrector: TypoCorrector): TokenizedBurst {
  const tokens: Token[] = [];
  const emojis: string[] = [];
  let source = 0;
  messages.forEach((message, messageIndex) => {
    for (const match of message.matchAll(RAW_TOKEN)) {
      source++;
      const [raw, word, number, question, comma, , emoji] = match;
      if (word) pushWord(tokens, word, source, messageIndex, corrector);
      else if (number) tokens.push({ canon: number.replace(',', '.'), surface: number, source, message: messageIndex, kind: 'number' });
      else if (question) pushBoundary(tokens, '?', messageIndex, source);
      else if (comma) pushBoundary(tokens, ',', messageIndex, source);
      else {
        if (emoji) emojis.push(raw);
        pushBoundary(tokens, '|', messageIndex, source);
      }
    }
    pushBoundary(tokens, '|', messageIndex, ++source);
  });
  return { tokens, emojis };
}

const STARTS_UPPER = /^\p{Lu}\p{Ll}/u;

function pushWord(tokens: Token[], word: string, source: number, message: number, corrector: TypoCorrector): void {
  if (LAUGHTER.test(word)) {
    tokens.push({ canon: 'kk', surface: word, source, message, kind: 'word' });
    return;
  }
  const folded = foldWord(word);
  // A capitalised word inside a sentence is most likely a name ("sou a Carol"): never "correct" it.
  const previous = tokens[tokens.length - 1];
  const probablyName = STARTS_UPPER.test(word) && previous !== undefined && previous.message === message && previous.kind !== 'boundary' && previous.kind !== 'question';
  const expanded = ABBREVIATIONS.get(folded) ?? (probablyName ? folded : corrector.correct(folded));
  for (const part of expanded.split(' ')) tokens.push({ canon: part, surface: word, source, message, kind: 'word' });
}
