import { readFileSync } from 'node:fs';
import { OfflineAnalyser } from 'src/modules/ai/analysis/offline/offline-analyser';
import { evaluateAnalyser } from 'src/modules/ai/analysis/offline/evaluation/evaluate-analyser';
import { renderReport } from 'src/modules/ai/analysis/offline/evaluation/evaluation-report';
import { FixtureFormatError, parseLabelledConversations } from 'src/modules/ai/analysis/offline/evaluation/labelled-conversation';

const USAGE = 'usage: npm run eval:ai -- <conversations.jsonl> [--verbose]';

/** Evaluates the offline analyser on labelled conversations; exit 1 only when the input cannot be read. */
function main(argv: readonly string[]): number {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const files = argv.filter((argument) => !argument.startsWith('-'));
  if (files.length !== 1) {
    console.error(USAGE);
    return 1;
  }
  let content: string;
  try {
    content = readFileSync(files[0], 'utf8');
  } catch (error: unknown) {
    console.error(`cannot read ${files[0]}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  try {
    const report = evaluateAnalyser(new OfflineAnalyser(), parseLabelledConversations(content));
    console.log(renderReport(report, { verbose }));
    return 0;
  } catch (error: unknown) {
    if (!(error instanceof FixtureFormatError)) throw error;
    console.error(`${files[0]}: ${error.message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
