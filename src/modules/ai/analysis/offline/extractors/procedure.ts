import { AnalysisText, Span } from '../matching/analysis-text';
import { LEXICON_WORDS } from '../matching/phrase-pattern';
import { COMMON_WORDS } from '../text/common-words';
import { GENERIC_PROCEDURE_RULES, SPECIALIST_VISITS, SPECIFIC_PROCEDURE_RULES } from '../lexicons/procedure.lexicon';
import { TIME_RULES } from '../lexicons/time.lexicon';

const CONNECTORS = new Set(['de', 'do', 'da', 'dos', 'das', 'com', 'para', 'pro', 'pra']);
const DETERMINERS = new Set(['o', 'a', 'os', 'as', 'um', 'uma']);
/** Words that end a complement: people, possessives, times and fillers are not part of a service's name. */
const COMPLEMENT_STOPS = new Set([
  'minha', 'meu', 'meus', 'minhas', 'sua', 'seu', 'ela', 'ele', 'mim', 'voces', 'voce', 'que', 'aquele', 'aquela', 'isso', 'esse', 'essa', 'ai',
  'mae', 'pai', 'filho', 'filha', 'marido', 'esposa', 'hoje', 'amanha', 'semana', 'mes', 'dia', 'ontem', 'agora', 'ja', 'mesmo', 'particular',
]);
const MAX_COMPLEMENT_WORDS = 3;
const INFINITIVE = /(?:ar|er|ir)$/;

function isComplementWord(text: AnalysisText, index: number, timeStarts: ReadonlySet<number>): boolean {
  const token = text.tokens[index];
  if (!text.isWord(index) || timeStarts.has(index)) return false;
  if (COMPLEMENT_STOPS.has(token.canon) || CONNECTORS.has(token.canon) || DETERMINERS.has(token.canon)) return false;
  // A capitalised word here names a person ("consulta da Manu"); an infinitive starts a new verb phrase.
  if (/^\p{Lu}/u.test(token.surface) && !LEXICON_WORDS.has(token.canon)) return false;
  return !(INFINITIVE.test(token.canon) && token.canon.length > 4 && !LEXICON_WORDS.has(token.canon));
}

/** "consulta" → "consulta de rotina", "avaliação" → "avaliação pro aparelho"; null when nothing specific follows. */
function withComplement(text: AnalysisText, head: Span, timeStarts: ReadonlySet<number>): Span | null {
  let index = head.end;
  if (isComplementWord(text, index, timeStarts) && !COMMON_WORDS.has(text.tokens[index].canon)) return { ...head, end: index + 1 };
  if (!CONNECTORS.has(text.tokens[index]?.canon ?? '')) return null;
  index++;
  while (DETERMINERS.has(text.tokens[index]?.canon ?? '')) index++;
  let end = index;
  while (end - index < MAX_COMPLEMENT_WORDS && isComplementWord(text, end, timeStarts)) end++;
  if (end === index) return null;
  return { ...head, end };
}

function specialistVisit(text: AnalysisText): string | null {
  for (const token of text.tokens) {
    const visit = SPECIALIST_VISITS.get(token.canon);
    if (visit) return visit;
  }
  return null;
}

/**
 * The service the patient refers to, as a short phrase in their words. A named procedure beats a generic head
 * with a complement, which beats a specialist ("tem pediatra?" → "consulta pediátrica"), which beats a bare
 * "consulta". Symptoms alone are not procedures.
 */
export function extractProcedure(text: AnalysisText, options: { allowSpecialist: boolean }): string | null {
  const longest = (spans: Span[]): Span | undefined => spans.reduce<Span | undefined>((best, span) => (!best || span.end - span.start > best.end - best.start ? span : best), undefined);
  const timeStarts = new Set(text.find(TIME_RULES, { keepNegated: true }).map((span) => span.start));
  const generic = text.find(GENERIC_PROCEDURE_RULES, { keepNegated: true });
  const completed = generic.map((span) => withComplement(text, span, timeStarts)).filter((span): span is Span => span !== null);
  const specific = text.find(SPECIFIC_PROCEDURE_RULES, { keepNegated: true });
  const chosenSpecific = specific.length > 0 ? longest(specific.filter((span) => span.start === specific[0].start)) : undefined;
  // "avaliação pro aparelho" says more than "aparelho" alone.
  const enclosing = chosenSpecific && completed.find((span) => span.start < chosenSpecific.start && span.end >= chosenSpecific.end);
  const chosen = enclosing ?? chosenSpecific ?? completed[0];
  if (chosen) return text.surface(chosen.start, chosen.end).toLowerCase();
  const specialist = options.allowSpecialist ? specialistVisit(text) : null;
  if (specialist) return specialist;
  return generic.length > 0 ? text.surface(generic[0].start, generic[0].end).toLowerCase() : null;
}
