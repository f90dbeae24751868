import { readFileSync } from 'node:fs';
import { OfflineAnalyser } from 'src/modules/ai/analysis/offline/offline-analyser';
import { runEvalCli } from 'src/modules/ai/analysis/offline/evaluation/eval-cli';

process.exitCode = runEvalCli(process.argv.slice(2), new OfflineAnalyser(), {
  readFile: (path) => readFileSync(path, 'utf8'),
  out: (text) => console.log(text),
  err: (text) => console.error(text),
});
