import { KnowledgeSnippet } from 'src/modules/ai/engine/engine.types';
import { splitSentences } from 'src/modules/ai/engine/whatsapp-text';
import { countMatches, isStopword, tokens } from './text-match';
import { Topic, detectTopics, isSignalWord, topicOfCategory, topicOfProfileLine } from './topics';

export interface Query {
  /** Words naming what is asked about ("limpeza", "unimed"); topic and filler words removed. */
  terms: string[];
  topics: Topic[];
}

export interface Candidate {
  title: string;
  category: string;
  content: string;
  topic: Topic | null;
}

export interface RankedCandidate extends Candidate {
  score: number;
  titleHits: number;
  termHits: number;
}

export function buildQuery(burst: readonly string[], procedure: string | null): Query {
  const text = [...burst, procedure ?? ''].join(' ');
  const terms = [...new Set(tokens(text))].filter((t) => !isStopword(t) && !isSignalWord(t) && !/^\d+$/.test(t));
  return { terms, topics: detectTopics(burst.join(' ')) };
}

/** Knowledge snippets first (the retrieval already ranked them), then each labelled line of the clinic profile. */
export function candidatesFrom(knowledge: readonly KnowledgeSnippet[], clinicProfile: string | null): Candidate[] {
  const fromKnowledge = knowledge.map((s) => ({ ...s, topic: topicOfCategory(s.category) }));
  const fromProfile = (clinicProfile ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 3)
    .map((line) => ({ title: line.split(':')[0].trim(), category: 'profile', content: line, topic: topicOfProfileLine(line) }));
  return [...fromKnowledge, ...fromProfile];
}

/** Relevant candidates, best first; a candidate must share a term with the question or answer its topic. */
export function rankCandidates(query: Query, candidates: readonly Candidate[]): RankedCandidate[] {
  return candidates
    .map((c, index) => ({ ...c, ...score(query, c), index }))
    .filter((c) => c.termHits > 0 || (c.topic !== null && query.topics.includes(c.topic)))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ index: _index, ...c }) => c);
}

function score(query: Query, c: Candidate): { score: number; titleHits: number; termHits: number } {
  const titleWords = tokens(c.title);
  const contentWords = tokens(c.content);
  const titleHits = countMatches(query.terms, titleWords);
  const termHits = countMatches(query.terms, [...titleWords, ...contentWords]);
  const topicBonus = c.topic !== null && query.topics.includes(c.topic) ? 2 : 0;
  const priceBonus = query.topics.includes('price') && /r\$/i.test(c.content) ? 1 : 0;
  return { score: 3 * titleHits + termHits + topicBonus + priceBonus, titleHits, termHits };
}

/** Lines (or sentences of long lines) that carry a price. */
function priceUnits(content: string): string[] {
  return content
    .split('\n')
    .flatMap((line) => splitSentences(line.trim().replace(/^[-*•]\s*/, '')))
    .filter((unit) => /r\$\s*\d|\d+\s*reais/i.test(unit));
}

/**
 * The price lines answering the question: those naming one of its terms; or every price line (at most three) of a
 * candidate whose title names the item, e.g. a "Limpeza dental" item whose content is just "Valor: R$ 180,00".
 */
export function pickPriceLines(query: Query, ranked: readonly RankedCandidate[]): string[] | null {
  for (const c of ranked.slice(0, 3)) {
    const units = priceUnits(c.content);
    const scored = units.map((u) => ({ u, hits: countMatches(query.terms, tokens(u)) }));
    const best = Math.max(0, ...scored.map((s) => s.hits));
    if (best > 0) return scored.filter((s) => s.hits === best).slice(0, 3).map((s) => s.u);
    if (c.titleHits > 0 && units.length > 0 && units.length <= 3) return units.map((u) => `${c.title}: ${u}`);
  }
  return null;
}

/** The candidate's content, or its first sentence plus the sentences naming a term, within `maxChars`. */
export function excerpt(c: Candidate, query: Query, maxChars: number): string {
  const content = c.content.trim();
  if (content.length <= maxChars) return content;
  const sentences = content.split(/\n+/).flatMap((l) => splitSentences(l.trim()));
  const chosen = sentences.filter((s, i) => i === 0 || countMatches(query.terms, tokens(s)) > 0);
  let text = '';
  for (const sentence of chosen) {
    const next = text ? `${text} ${sentence}` : sentence;
    if (next.length > maxChars) break;
    text = next;
  }
  return text || sentences[0];
}
