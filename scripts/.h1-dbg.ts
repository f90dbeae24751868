import { OfflineAnalyser } from 'src/modules/ai/analysis/offline/offline-analyser';
import { tokenizeBurst } from 'src/modules/ai/analysis/offline/text/tokenizer';
import { lexiconCorrector } from 'src/modules/ai/analysis/offline/vocabulary';
import { AnalysisText } from 'src/modules/ai/analysis/offline/matching/analysis-text';
import * as sched from 'src/modules/ai/analysis/offline/lexicons/scheduling.lexicon';
import * as q from 'src/modules/ai/analysis/offline/lexicons/questions.lexicon';
import * as c from 'src/modules/ai/analysis/offline/lexicons/contact.lexicon';
import * as u from 'src/modules/ai/analysis/offline/lexicons/urgency.lexicon';
import * as t from 'src/modules/ai/analysis/offline/lexicons/time.lexicon';
import * as p from 'src/modules/ai/analysis/offline/lexicons/procedure.lexicon';
import * as f from 'src/modules/ai/analysis/offline/lexicons/feelings.lexicon';
import { CompiledRule } from 'src/modules/ai/analysis/offline/matching/phrase-pattern';
const burst = process.argv.slice(2);
const { tokens } = tokenizeBurst(burst, lexiconCorrector());
const text = new AnalysisText(tokens);
console.log(text.text);
console.log('negated:', tokens.map((tk, i) => (text.negated[i] ? tk.canon : null)).filter(Boolean).join(' '));
const all: Record<string, Record<string, unknown>> = { sched, q, c, u, t, p, f };
for (const [mod, exports] of Object.entries(all)) {
  for (const [name, rules] of Object.entries(exports)) {
    if (!Array.isArray(rules) || !rules[0] || !(rules[0] as CompiledRule).regex) continue;
    for (const rule of rules as CompiledRule[]) {
      const spans = text.find([rule]);
      if (spans.length) console.log(`${mod}.${name}: [${rule.pattern}] →`, spans.map((s) => text.surface(s.start, s.end) || tokens.slice(s.start, s.end).map((x) => x.canon).join(' ')).join(' | '));
    }
  }
}
console.log(JSON.stringify(new OfflineAnalyser().analyse({ burst }), null, 1));
