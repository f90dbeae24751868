import { Analyser, evaluateAnalyser } from './evaluate-analyser';
import { renderReport } from './evaluation-report';
import { FixtureFormatError, parseLabelledConversations } from './labelled-conversation';

export interface EvalCliIo {
  readFile(path: string): string;
  out(text: string): void;
  err(text: string): void;
}

const USAGE = 'usage: npm run eval:ai -- <conversations.jsonl> [--verbose]';

/**
 * `npm run eval:ai`: evaluates an analyser on labelled conversations and prints the report. Returns the exit
 * code: 0 whenever the evaluation ran (PASS/FAIL are in the report), 1 when the input cannot be used.
 */
export function runEvalCli(argv: readonly string[], analyser: Analyser, io: EvalCliIo): number {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const files = argv.filter((argument) => !argument.startsWith('-'));
  if (files.length !== 1) {
    io.err(USAGE);
    return 1;
  }
  let content: string;
  try {
    content = io.readFile(files[0]);
  } catch (error: unknown) {
    io.err(`cannot read ${files[0]}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  let conversations;
  try {
    conversations = parseLabelledConversations(content);
  } catch (error: unknown) {
    if (!(error instanceof FixtureFormatError)) throw error;
    io.err(`${files[0]}: ${error.message}`);
    return 1;
  }
  io.out(renderReport(evaluateAnalyser(analyser, conversations), { verbose }));
  return 0;
}
