import { Objection, Sentiment } from 'src/modules/ai/analysis/turn-analysis';
import { AnalysisText } from '../matching/analysis-text';
import { NEGATIVE_EMOJI, NEGATIVE_RULES, OBJECTION_RULES, POSITIVE_EMOJI, POSITIVE_RULES } from '../lexicons/feelings.lexicon';

const OBJECTIONS: readonly Objection[] = ['price', 'distance', 'fear'];

export function extractObjections(text: AnalysisText): Objection[] {
  const tags = new Set(text.find(OBJECTION_RULES).map((span) => span.tag));
  return OBJECTIONS.filter((objection) => tags.has(objection));
}

/** Word and emoji cues, tipped negative by a complaint or an emergency (nobody is cheerful about those). */
export function assessSentiment(text: AnalysisText, emojis: readonly string[], distressed: boolean): Sentiment {
  const positive = text.find(POSITIVE_RULES).length + emojis.filter((emoji) => POSITIVE_EMOJI.has(emoji)).length;
  const negative = text.find(NEGATIVE_RULES).length + emojis.filter((emoji) => NEGATIVE_EMOJI.has(emoji)).length + (distressed ? 2 : 0);
  if (negative > positive) return 'negative';
  return positive > negative ? 'positive' : 'neutral';
}
