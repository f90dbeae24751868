/**
 * How suggestions are ranked for the conversation at hand. Text is compared without accents, case or
 * punctuation ("Agendaménto!" = "agendamento"). Points, summed:
 * - 100 when `context` is one of the reply's contexts;
 * -  50 when the reply's trigger appears as a phrase in the context or text;
 * -  20 for each of the reply's keywords that appears as a phrase in them;
 * -   5 for each distinct word of 3+ letters shared with the reply's trigger, contexts or keywords.
 * Replies scoring 0 are not suggested; ties go to the trigger in alphabetical order.
 */
export const RANKING_POINTS = { context: 100, trigger: 50, keyword: 20, word: 5 } as const;
const MIN_WORD_LENGTH = 3;

export interface RankableReply {
  trigger: string;
  contexts: string[];
  keywords: string[];
}

export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function words(text: string): string[] {
  return normalizeText(text)
    .split(' ')
    .filter((word) => word.length >= MIN_WORD_LENGTH);
}

function containsPhrase(haystack: string, phrase: string): boolean {
  const needle = normalizeText(phrase);
  return needle.length > 0 && ` ${haystack} `.includes(` ${needle} `);
}

export function scoreQuickReply(reply: RankableReply, context: string | undefined, text: string | undefined): number {
  const haystack = normalizeText(`${context ?? ''} ${text ?? ''}`);
  if (!haystack) return 0;
  let score = 0;
  const normalizedContext = context ? normalizeText(context) : '';
  if (normalizedContext && reply.contexts.some((item) => normalizeText(item) === normalizedContext)) score += RANKING_POINTS.context;
  if (containsPhrase(haystack, reply.trigger)) score += RANKING_POINTS.trigger;
  score += reply.keywords.filter((keyword) => containsPhrase(haystack, keyword)).length * RANKING_POINTS.keyword;
  const replyWords = new Set([reply.trigger, ...reply.contexts, ...reply.keywords].flatMap(words));
  score += new Set(words(haystack).filter((word) => replyWords.has(word))).size * RANKING_POINTS.word;
  return score;
}

/** The replies worth suggesting, best first, each with its score. */
export function rankQuickReplies<T extends RankableReply>(replies: T[], context: string | undefined, text: string | undefined): { reply: T; score: number }[] {
  return replies
    .map((reply) => ({ reply, score: scoreQuickReply(reply, context, text) }))
    .filter((ranked) => ranked.score > 0)
    .sort((a, b) => b.score - a.score || normalizeText(a.reply.trigger).localeCompare(normalizeText(b.reply.trigger)));
}
