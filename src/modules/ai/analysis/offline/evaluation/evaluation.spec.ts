import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfflineAnalyser } from '../offline-analyser';
import { runEvalCli } from './eval-cli';
import { evaluateAnalyser } from './evaluate-analyser';
import { TARGETS } from './evaluation-report';
import { FixtureFormatError, parseLabelledConversations } from './labelled-conversation';
import { looselyEqual } from './loose-match';

const FIXTURE = join(__dirname, '../../../../../../test/fixtures/ai/conversations-ptbr.jsonl');
const VALID_LINE = JSON.stringify({
  id: 'x-1',
  messages: ['oi, quero marcar uma limpeza'],
  labels: { intent: 'booking', booking_intent: true, urgent: false, wants_human: false, opt_out: false, maturity_band: 'hot', patient_name: null, procedure: 'limpeza', preferred_time: null },
});

describe('offline analyser evaluation on the labelled pt-BR fixture', () => {
  const report = evaluateAnalyser(new OfflineAnalyser(), parseLabelledConversations(readFileSync(FIXTURE, 'utf8')));

  it('should evaluate all 120 conversations', () => {
    expect(report.n).toBe(120);
  });

  it.each(TARGETS.map((target) => [target.name, target] as const))('should meet the %s target', (_, target) => {
    expect(target.value(report)).toBeGreaterThanOrEqual(target.minimum);
  });
});

describe(parseLabelledConversations.name, () => {
  it('should skip blank lines', () => {
    expect(parseLabelledConversations(`\n${VALID_LINE}\n\n`)).toHaveLength(1);
  });

  it.each([
    [`${VALID_LINE}\n{not json`, /^line 2: invalid JSON/],
    [`${VALID_LINE}\n\n[1, 2]`, /^line 3: not a JSON object/],
    [VALID_LINE.replace('"booking"', '"buy"'), /^line 1: "labels.intent" must be one of/],
    [VALID_LINE.replace('"hot"', '"tepid"'), /^line 1: "labels.maturity_band" must be one of/],
    [VALID_LINE.replace('"urgent":false', '"urgent":"no"'), /^line 1: "labels.urgent" must be a boolean/],
    [VALID_LINE.replace('["oi, quero marcar uma limpeza"]', '[]'), /^line 1: "messages" must be a non-empty array/],
    ['\n\n', /^no conversations found$/],
  ])('should reject %j naming the line', (content, message) => {
    expect(() => parseLabelledConversations(content)).toThrow(FixtureFormatError);
    expect(() => parseLabelledConversations(content)).toThrow(message);
  });
});

describe(looselyEqual.name, () => {
  it.each([
    [null, null, true],
    ['sábado', null, false],
    [null, 'sábado', false],
    ['Sábado', 'sabado', true],
    ['amanhã às 15h', 'amanha as 15h', true],
    ['consulta de rotina de 6 meses', 'consulta', true],
    ['limpeza de pele', 'clareamento', false],
  ])('should compare %j with %j as %s', (expected, predicted, equal) => {
    expect(looselyEqual(expected, predicted)).toBe(equal);
  });
});

describe(runEvalCli.name, () => {
  const run = (argv: string[], files: Record<string, string>) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = runEvalCli(argv, new OfflineAnalyser(), {
      readFile: (path) => {
        if (!(path in files)) throw new Error(`ENOENT: no such file, open '${path}'`);
        return files[path];
      },
      out: (text) => out.push(text),
      err: (text) => err.push(text),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('should print the report, PASS/FAIL lines and end with one JSON summary line', () => {
    const { code, out } = run(['sample.jsonl'], { 'sample.jsonl': VALID_LINE });
    expect(code).toBe(0);
    expect(out).toMatch(/^(PASS|FAIL) booking_intent F1/m);
    const last = JSON.parse(out.trim().split('\n').pop() ?? '');
    expect(Object.keys(last)).toEqual(['n', 'labels', 'intent_accuracy', 'maturity_accuracy']);
    expect(Object.keys(last.labels)).toEqual(['booking_intent', 'urgent', 'wants_human', 'opt_out']);
    expect(last.n).toBe(1);
  });

  it('should list misclassified conversations only with --verbose', () => {
    const wrong = VALID_LINE.replace('"booking"', '"complaint"');
    expect(run(['s.jsonl'], { 's.jsonl': wrong }).out).not.toContain('Misclassified');
    expect(run(['s.jsonl', '--verbose'], { 's.jsonl': wrong }).out).toContain('- x-1: intent complaint → booking');
  });

  it.each([
    [[], /usage: npm run eval:ai/],
    [['missing.jsonl'], /cannot read missing.jsonl/],
    [['bad.jsonl'], /bad.jsonl: line 2: invalid JSON/],
  ])('should exit 1 with a clear message for %j', (argv, message) => {
    const { code, err } = run(argv, { 'bad.jsonl': `${VALID_LINE}\n{oops` });
    expect(code).toBe(1);
    expect(err).toMatch(message);
  });
});
