import { Token } from '../text/tokenizer';
import { CompiledRule, NEGATION_CUES } from './phrase-pattern';

/** A rule match, in token positions: tokens [start, end). */
export interface Span {
  start: number;
  end: number;
  weight: number;
  tag: string;
}

/**
 * "não sei se…", "não consigo marcar": uncertainty or failure, not a refusal of what follows; "não para de
 * sangrar" says it goes on.
 */
const NOT_A_NEGATION = new Set(['sei', 'consigo', 'consegui', 'conseguindo', 'conseguiu', 'vejo', 'para', 'parou', 'param', 'pararam']);
/** A negation reaches the verb phrase it precedes and stops at a new clause or contrast. */
const SCOPE_STOPS = new Set(['mas', 'porem', 'entao', 'so', 'porque', 'que', 'quando', 'se']);
/** A second verb phrase starts a new scope: "não tenho convênio quero marcar". */
const NEW_VERB_PHRASE = new Set(['quero', 'queria', 'gostaria', 'preciso', 'precisava', 'posso', 'vou', 'tem', 'tenho', 'pode', 'consigo']);
const NEGATION_REACH = 4;

/**
 * One burst prepared for matching: the canonical text (" w1 w2 ? w3 | "), where each token starts in it, which
 * tokens a negation covers, and which clause each token belongs to. Built once per analysis.
 */
export class AnalysisText {
  readonly text: string;
  readonly negated: boolean[];
  readonly clause: number[];
  private readonly starts: number[];

  constructor(readonly tokens: readonly Token[]) {
    this.starts = [];
    let offset = 1;
    for (const token of tokens) {
      this.starts.push(offset);
      offset += token.canon.length + 1;
    }
    this.text = ` ${tokens.map((token) => token.canon).join(' ')} `;
    this.negated = this.markNegations();
    this.clause = this.numberClauses();
  }

  /** Matches of the rules, minus those a negation covers (unless the rule starts with the negation itself). */
  find(rules: readonly CompiledRule[], options: { keepNegated?: boolean } = {}): Span[] {
    const spans: Span[] = [];
    for (const rule of rules) {
      rule.regex.lastIndex = 0;
      for (let match = rule.regex.exec(this.text); match; match = rule.regex.exec(this.text)) {
        if (match[0].length === 0) {
          rule.regex.lastIndex++;
          continue;
        }
        const start = this.tokenAt(match.index);
        const end = this.tokenAt(match.index + match[0].length - 2) + 1;
        if (!options.keepNegated && this.isNegatedMatch(rule, start, end)) continue;
        spans.push({ start, end, weight: rule.weight, tag: rule.tag });
      }
    }
    return spans.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** The strongest weight among matches, 0 when none. */
  strength(rules: readonly CompiledRule[]): number {
    return this.find(rules).reduce((best, span) => Math.max(best, span.weight), 0);
  }

  /** The words as typed, once per typed word even when it expanded ("pfv" → "por favor"). */
  surface(start: number, end: number): string {
    const words: string[] = [];
    let lastSource = -1;
    for (let index = start; index < end; index++) {
      const token = this.tokens[index];
      if (token.surface && token.source !== lastSource) words.push(token.surface);
      lastSource = token.source;
    }
    return words.join(' ');
  }

  isWord(index: number): boolean {
    const token = this.tokens[index];
    return token !== undefined && (token.kind === 'word' || token.kind === 'number');
  }

  /** Negated before it ("não quero agendar") or inside it ("dor … não é forte"), unless the rule says "não" itself. */
  private isNegatedMatch(rule: CompiledRule, start: number, end: number): boolean {
    if (rule.negatable && this.negated[start]) return true;
    if (rule.spellsNegation) return false;
    for (let index = start + 1; index < end; index++) if (NEGATION_CUES.has(this.tokens[index].canon)) return true;
    return false;
  }

  private tokenAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private markNegations(): boolean[] {
    const negated = this.tokens.map(() => false);
    this.tokens.forEach((token, index) => {
      if (!NEGATION_CUES.has(token.canon) || NOT_A_NEGATION.has(this.tokens[index + 1]?.canon ?? '')) return;
      let words = 0;
      for (let next = index + 1; next < this.tokens.length && words < NEGATION_REACH; next++) {
        const canon = this.tokens[next].canon;
        if (!this.isWord(next) || SCOPE_STOPS.has(canon) || (words > 0 && NEW_VERB_PHRASE.has(canon))) break;
        negated[next] = true;
        words++;
      }
    });
    return negated;
  }

  private numberClauses(): number[] {
    let clause = 0;
    return this.tokens.map((token) => (token.kind === 'boundary' || token.kind === 'question' ? clause++ : clause));
  }
}
