import { AnalysisText, Span } from '../matching/analysis-text';
import {
  BABY_RULES, CHRONIC_RULES, COMPLICATION_RULES, FEVER_RULES, HIGH_FEVER_RULES, MILD_SYMPTOM_RULES, RECENT_PROCEDURE_RULES, RED_FLAG_RULES,
} from '../lexicons/urgency.lexicon';

export interface UrgencyFinding {
  urgent: boolean;
  symptoms: string[];
}

const CHRONIC_REACH = 8;
const COMPLICATION_CLAUSE_REACH = 4;
const HIGH_FEVER_CELSIUS = 39;
const BABY_FEVER_CELSIUS = 37.8;
const MAX_SYMPTOMS = 8;
/** Acute mental-health risk stays urgent however long it has lasted. */
const NEVER_CHRONIC = new Set(['risco à vida (saúde mental)', 'sofrimento agudo', 'pedido de socorro']);
/** "socorro", "pronto-socorro": a cry for help makes the turn urgent but names no symptom. */
const NOT_A_SYMPTOM = new Set(['pedido de socorro']);

function near(a: Span, b: Span, reach: number): boolean {
  return b.start <= a.end + reach && a.start <= b.end + reach;
}

/** Red flags described as old or improving ("faz 3 semanas", "já tá melhor") are not acute. */
function isChronic(text: AnalysisText, span: Span, chronic: readonly Span[]): boolean {
  if (NEVER_CHRONIC.has(span.tag)) return false;
  const message = text.tokens[span.start].message;
  return chronic.some((cue) => text.tokens[cue.start].message === message && near(span, cue, CHRONIC_REACH));
}

/** Words that place the pain in the sender's body now ("meu dente tá doendo muito, o que eu faço?"). */
const FIRST_PERSON = new Set(['estou', 'esta', 'meu', 'minha', 'me', 'doendo', 'sinto', 'senti', 'tenho', 'ele', 'ela']);

/** "dói muito fazer canal?" asks about pain; it does not report it. */
function isPainQuestion(text: AnalysisText, span: Span): boolean {
  if (span.tag !== 'dor intensa') return false;
  const clause = text.clause[span.start];
  const inClause = text.tokens.filter((_, index) => text.clause[index] === clause);
  return inClause[inClause.length - 1]?.kind === 'question' && !inClause.some((token) => FIRST_PERSON.has(token.canon));
}

function feverReading(text: AnalysisText, fever: Span): number | null {
  for (let index = fever.end; index < Math.min(fever.end + 4, text.tokens.length); index++) {
    const token = text.tokens[index];
    if (token.kind !== 'number') continue;
    const value = Number.parseFloat(token.canon);
    if (value >= 35 && value <= 43) return value;
  }
  return null;
}

function isUrgentFever(text: AnalysisText, chronic: readonly Span[]): boolean {
  const fevers = text.find(FEVER_RULES).filter((span) => !isChronic(text, span, chronic));
  if (fevers.length === 0) return false;
  if (text.find(HIGH_FEVER_RULES).length > 0) return true;
  const baby = text.find(BABY_RULES).length > 0;
  return fevers.some((fever) => {
    const reading = feverReading(text, fever);
    if (baby) return reading === null || reading >= BABY_FEVER_CELSIUS;
    return reading !== null && reading >= HIGH_FEVER_CELSIUS;
  });
}

/** Swelling, blisters, discharge or bleeding in the days after a procedure. */
function isPostProcedureComplication(text: AnalysisText, chronic: readonly Span[]): boolean {
  const procedures = text.find(RECENT_PROCEDURE_RULES).filter((span) => !isChronic(text, span, chronic));
  if (procedures.length === 0) return false;
  const complications = text.find(COMPLICATION_RULES);
  return procedures.some((procedure) =>
    complications.some((complication) => {
      const distance = text.clause[complication.start] - text.clause[procedure.start];
      return distance >= 0 && distance <= COMPLICATION_CLAUSE_REACH;
    }),
  );
}

export function assessUrgency(text: AnalysisText): UrgencyFinding {
  const chronic = text.find(CHRONIC_RULES);
  const redFlags = text.find(RED_FLAG_RULES).filter((span) => !isChronic(text, span, chronic) && !isPainQuestion(text, span));
  const urgent = redFlags.length > 0 || isUrgentFever(text, chronic) || isPostProcedureComplication(text, chronic);
  return { urgent, symptoms: listSymptoms(text, redFlags) };
}

function listSymptoms(text: AnalysisText, redFlags: readonly Span[]): string[] {
  const spans = [...redFlags.filter((span) => !NOT_A_SYMPTOM.has(span.tag)), ...text.find(MILD_SYMPTOM_RULES)].sort((a, b) => a.start - b.start || b.end - a.end);
  const symptoms: string[] = [];
  let coveredUntil = -1;
  for (const span of spans) {
    if (span.start < coveredUntil) continue;
    const phrase = text.surface(span.start, span.end).toLowerCase();
    if (phrase && !symptoms.includes(phrase)) symptoms.push(phrase);
    coveredUntil = span.end;
    if (symptoms.length === MAX_SYMPTOMS) break;
  }
  return symptoms;
}
