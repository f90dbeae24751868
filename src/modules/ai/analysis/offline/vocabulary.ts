import { TypoCorrector } from './text/typo-corrector';
import { LEXICON_PREFIXES, LEXICON_WORDS } from './matching/phrase-pattern';
// Compiling the lexicons fills LEXICON_WORDS/LEXICON_PREFIXES, so every lexicon must load before the corrector.
import './lexicons/contact.lexicon';
import './lexicons/feelings.lexicon';
import './lexicons/name.lexicon';
import './lexicons/procedure.lexicon';
import './lexicons/questions.lexicon';
import './lexicons/scheduling.lexicon';
import './lexicons/time.lexicon';
import './lexicons/urgency.lexicon';

let corrector: TypoCorrector | undefined;

/** One corrector for the process: its lexicon index and cache are shared by every analysis. */
export function lexiconCorrector(): TypoCorrector {
  corrector ??= new TypoCorrector(LEXICON_WORDS, LEXICON_PREFIXES);
  return corrector;
}
