import { AnalysisText } from '../matching/analysis-text';
import { LEXICON_WORDS } from '../matching/phrase-pattern';
import { COMMON_WORDS } from '../text/common-words';
import { foldWord } from '../text/fold';
import { NAME_CUE_RULES, NOT_NAMES } from '../lexicons/name.lexicon';
import { GREETING_WORDS } from '../lexicons/questions.lexicon';

const MAX_NAME_WORDS = 3;
const NAME_PARTICLES = new Set(['da', 'de', 'do', 'dos', 'das']);
const LETTERS_ONLY = /^\p{L}{2,}$/u;
const CAPITALISED = /^\p{Lu}/u;
/** The bot's question for the patient's name, to read a bare "Ana" answer as a name. */
const ASKS_FOR_NAME = /\b(?:seu nome|qual (?:e |eh )?o (?:seu )?nome|como (?:voce |vc )?se chama|com quem (?:eu )?falo)\b/;

function looksLikeName(surface: string, needsCapital: boolean): boolean {
  if (!LETTERS_ONLY.test(surface)) return false;
  if (needsCapital && !CAPITALISED.test(surface)) return false;
  const folded = foldWord(surface);
  return !COMMON_WORDS.has(folded) && !NOT_NAMES.has(folded) && !LEXICON_WORDS.has(folded) && !GREETING_WORDS.has(folded);
}

function titleCase(word: string): string {
  return word === word.toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** Reads up to three name words from `start`, letting "da/de/do" join two of them ("Maria da Silva"). */
function readName(text: AnalysisText, start: number, needsCapital: boolean): string | null {
  const words: string[] = [];
  const typedLowercase = text.tokens[start] !== undefined && text.tokens[start].surface === text.tokens[start].surface.toLowerCase();
  let lastSource = -1;
  for (let index = start; index < text.tokens.length && words.length < MAX_NAME_WORDS; index++) {
    const token = text.tokens[index];
    if (!text.isWord(index) || token.source === lastSource) break;
    const particle = NAME_PARTICLES.has(token.canon) && words.length > 0 && looksLikeName(text.tokens[index + 1]?.surface ?? '', true);
    // After a capitalised first name, only capitalised words continue it ("Thaís Moura", not "Thaís quero").
    const capitalNeeded = needsCapital || (words.length > 0 && CAPITALISED.test(words[0]) && !typedLowercase);
    if (!particle && !looksLikeName(token.surface, capitalNeeded)) break;
    words.push(particle ? token.surface.toLowerCase() : titleCase(token.surface));
    lastSource = token.source;
  }
  return words.length > 0 ? words.join(' ') : null;
}

function answerToNameQuestion(text: AnalysisText, lastBotMessage: string | undefined): string | null {
  if (!lastBotMessage || !ASKS_FOR_NAME.test(foldWord(lastBotMessage))) return null;
  const firstMessage = text.tokens.filter((token) => token.message === 0 && (token.kind === 'word' || token.kind === 'number'));
  if (firstMessage.length === 0 || firstMessage.length > MAX_NAME_WORDS) return null;
  return readName(text, text.tokens.indexOf(firstMessage[0]), false);
}

/** The sender's own name when they introduce themselves; null otherwise. */
export function extractPatientName(text: AnalysisText, lastBotMessage?: string): string | null {
  for (const cue of text.find(NAME_CUE_RULES)) {
    const start = cue.tag === 'signature' && text.tokens[cue.end]?.kind === 'comma' ? cue.end + 1 : cue.end;
    const name = readName(text, start, cue.tag !== 'stated');
    if (name) return name;
  }
  return answerToNameQuestion(text, lastBotMessage);
}
