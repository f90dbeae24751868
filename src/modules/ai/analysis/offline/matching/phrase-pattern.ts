import { stemPt } from '../text/pt-stemmer';

/**
 * A tiny phrase language for the lexicons, compiled once to a regular expression over the canonical text
 * (" w1 w2 ? w3 | "). Tokens are space separated:
 *   word        that exact word              a/b/c       any of these
 *   pref*       any word starting with pref  word+       any inflection of word (shares its stem)
 *   a_b         the two words "a b"          x?          optional (after the alternatives: a/b?)
 *   ~N          up to N other words          #           a number          #h   an hour ("15h", "15:30")
 *   #d          a date ("15/03")             {name}      a named alternative set
 *   !a/b        not followed by a or b
 *   ?           a question mark              ^ / $       clause start / end
 * Gaps never cross punctuation, so a rule cannot join two clauses or two messages.
 */
export interface PhraseRule {
  readonly pattern: string;
  /** How strongly a match supports its category (0..1); 1 when omitted. */
  readonly weight?: number;
  /** Free label the extractor reports (e.g. the symptom family or the objection). */
  readonly tag?: string;
}

export interface CompiledRule {
  readonly regex: RegExp;
  readonly weight: number;
  readonly tag: string;
  readonly pattern: string;
  /** False when the rule itself starts with a negation ("não quero mais receber"), which must not cancel it. */
  readonly negatable: boolean;
  /** True when the rule spells a negation out, so one inside its gaps is part of it ("febre … não baixa"). */
  readonly spellsNegation: boolean;
}

export type Macros = Readonly<Record<string, readonly string[]>>;

const WORD = '[a-z0-9][a-z0-9.:/]*';
export const NEGATION_CUES: ReadonlySet<string> = new Set(['nao', 'nunca', 'nem', 'sem', 'jamais']);

/** Every literal word and prefix the lexicons use: the targets of typo correction. */
export const LEXICON_WORDS = new Set<string>();
export const LEXICON_PREFIXES = new Set<string>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function compileAlternative(alternative: string, macros: Macros): string {
  if (alternative === '#') return '\\d[0-9.:/h]*';
  if (alternative === '#d') return '\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?';
  if (alternative === '#h') return '\\d{1,2}(?:h\\d{0,2}|[:.]\\d{2}h?|hs)';
  const macro = /^\{(\w+)\}$/.exec(alternative);
  if (macro) {
    const alternatives = macros[macro[1]];
    if (!alternatives) throw new Error(`Unknown macro ${alternative}`);
    return alternatives.map((item) => compileAlternative(item, macros)).join('|');
  }
  if (alternative.endsWith('*')) {
    const prefix = alternative.slice(0, -1);
    LEXICON_PREFIXES.add(prefix);
    return `${escape(prefix)}[a-z]*`;
  }
  if (alternative.endsWith('+')) {
    const word = alternative.slice(0, -1);
    LEXICON_WORDS.add(word);
    const stem = stemPt(word);
    LEXICON_PREFIXES.add(stem);
    return `${escape(stem)}[a-z]*`;
  }
  const words = alternative.split('_');
  for (const word of words) if (/^[a-z]+$/.test(word)) LEXICON_WORDS.add(word);
  return words.map(escape).join(' ');
}

function compileToken(token: string, macros: Macros): string {
  const gap = /^~(\d)$/.exec(token);
  if (gap) return `(?:${WORD} ){0,${gap[1]}}`;
  if (token === '?') return '\\? ';
  if (token.startsWith('!')) return `(?!(?:${token.slice(1).split('/').map((item) => compileAlternative(item, macros)).join('|')}) )`;
  const optional = token.length > 1 && token.endsWith('?');
  const body = optional ? token.slice(0, -1) : token;
  const alternatives = body.split('/').map((item) => compileAlternative(item, macros));
  const group = `(?:${alternatives.join('|')}) `;
  return optional ? `(?:${group})?` : group;
}

export function compileRule(rule: PhraseRule, macros: Macros = {}): CompiledRule {
  const tokens = rule.pattern.trim().split(/\s+/);
  const atStart = tokens[0] === '^';
  const atEnd = tokens[tokens.length - 1] === '$';
  const body = tokens.slice(atStart ? 1 : 0, atEnd ? -1 : undefined);
  const source = body.map((token) => compileToken(token, macros)).join('');
  const prefix = atStart ? '(?<=(?:^|[|?,]) )' : '(?<= )';
  const suffix = atEnd ? '(?=[|?,] |$)' : '';
  const first = body[0].replace(/\?$/, '').split('/');
  const positive = body.filter((token) => !token.startsWith('!'));
  return {
    regex: new RegExp(prefix + source + suffix, 'g'),
    weight: rule.weight ?? 1,
    tag: rule.tag ?? '',
    pattern: rule.pattern,
    negatable: !first.some((word) => NEGATION_CUES.has(word)),
    spellsNegation: positive.some((token) => token.replace(/\?$/, '').split('/').some((word) => NEGATION_CUES.has(word))),
  };
}

export function compileRules(rules: readonly PhraseRule[], macros: Macros = {}): CompiledRule[] {
  return rules.map((rule) => compileRule(rule, macros));
}
