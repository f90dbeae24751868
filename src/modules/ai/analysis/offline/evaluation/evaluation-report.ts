import { EvaluationReport, FLAG_LABELS, INTENT_ORDER, isMisclassified } from './evaluate-analyser';

export interface Target {
  name: string;
  value: (report: EvaluationReport) => number;
  minimum: number;
}

/** The bar the offline analyser must clear on the labelled fixture. */
export const TARGETS: readonly Target[] = [
  { name: 'booking_intent F1', value: (report) => report.labels.booking_intent.f1, minimum: 0.92 },
  { name: 'urgent recall', value: (report) => report.labels.urgent.recall, minimum: 0.95 },
  { name: 'opt_out recall', value: (report) => report.labels.opt_out.recall, minimum: 1 },
  { name: 'wants_human recall', value: (report) => report.labels.wants_human.recall, minimum: 0.95 },
  { name: 'maturity accuracy', value: (report) => report.maturityAccuracy, minimum: 0.8 },
  { name: 'intent accuracy', value: (report) => report.intentAccuracy, minimum: 0.85 },
];

const round = (value: number): number => Math.round(value * 10_000) / 10_000;
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(6);

/** The machine-readable summary: the last line of every run. */
export function summaryLine(report: EvaluationReport): string {
  const labels = Object.fromEntries(
    FLAG_LABELS.map((flag) => {
      const { precision, recall, f1 } = report.labels[flag];
      return [flag, { precision: round(precision), recall: round(recall), f1: round(f1) }];
    }),
  );
  return JSON.stringify({ n: report.n, labels, intent_accuracy: round(report.intentAccuracy), maturity_accuracy: round(report.maturityAccuracy) });
}

function confusionTable(report: EvaluationReport): string[] {
  const intents = INTENT_ORDER.filter((intent) => report.confusion[intent] || Object.values(report.confusion).some((row) => row[intent]));
  const short = (intent: string): string => intent.slice(0, 8).padStart(8);
  const lines = [`${'expected \\ predicted'.padEnd(20)} ${intents.map(short).join(' ')}`];
  for (const expected of intents) {
    const row = report.confusion[expected] ?? {};
    lines.push(`${expected.padEnd(20)} ${intents.map((predicted) => String(row[predicted] ?? 0).padStart(8)).join(' ')}`);
  }
  return lines;
}

function misclassifiedLines(report: EvaluationReport): string[] {
  const lines: string[] = [];
  for (const outcome of report.outcomes.filter(isMisclassified)) {
    const { labels, id, messages } = outcome.conversation;
    const flags = FLAG_LABELS.filter((flag) => outcome.flags[flag] !== labels[flag]).map((flag) => `${flag}=${outcome.flags[flag]}`);
    lines.push(
      `- ${id}: intent ${labels.intent} → ${outcome.analysis.intent}, band ${labels.maturity_band} → ${outcome.band} (${outcome.score})${flags.length ? `, ${flags.join(' ')}` : ''}`,
    );
    for (const message of messages) lines.push(`    > ${message}`);
  }
  return lines;
}

/** The human-readable report, then PASS/FAIL per target, then the JSON summary line. */
export function renderReport(report: EvaluationReport, options: { verbose: boolean }): string {
  const lines = [`Evaluated ${report.n} conversations`, '', 'label            precision  recall      F1'];
  for (const flag of FLAG_LABELS) {
    const { precision, recall, f1 } = report.labels[flag];
    lines.push(`${flag.padEnd(16)} ${percent(precision)}  ${percent(recall)}  ${percent(f1)}`);
  }
  lines.push('', `intent accuracy    ${percent(report.intentAccuracy)}`, `maturity accuracy  ${percent(report.maturityAccuracy)}`);
  for (const [field, accuracy] of Object.entries(report.fieldAccuracy)) lines.push(`${`${field} (loose)`.padEnd(19)}${percent(accuracy)}`);
  lines.push('', ...confusionTable(report), '');
  if (options.verbose) lines.push('Misclassified:', ...misclassifiedLines(report), '');
  for (const target of TARGETS) {
    const value = target.value(report);
    lines.push(`${value >= target.minimum ? 'PASS' : 'FAIL'} ${target.name} ${percent(value).trim()} (target ≥ ${target.minimum * 100}%)`);
  }
  lines.push(summaryLine(report));
  return lines.join('\n');
}
