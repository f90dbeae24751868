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

/** Red flags that a question can mention without reporting them. */
const ASKABLE = new Set(['dor intensa', 'pedido de socorro']);

/** "dói muito fazer canal?", "vocês atendem emergência?" ask about something; they do not report it. */
function isQuestionAbout(text: AnalysisText, span: Span): boolean {
  if (!ASKABLE.has(span.tag)) return false;
  const clause = text.clause[span.start];
  const inClause = text.tokens.filter((_, index) => text.clause[index] === clause);
  return inClause[inClause.length - 1]?.kind === 'question' && !inClause.some((token) => FIRST_PERSON.has(token.canon));
}

const BODY_TEMPERATURE = { min: 35, max: 43 };

/**
 * Temperatures in the burst: a number right after "febre" ("febre de 39 e meio"), a decimal in body range
 * ("tá com 38,5") or a number of "graus". Decimals in that range are hardly ever anything but a temperature.
 */
function temperatureReadings(text: AnalysisText, fevers: readonly Span[]): number[] {
  const readings: number[] = [];
  text.tokens.forEach((token, index) => {
    if (token.kind !== 'number') return;
    const value = Number.parseFloat(token.canon);
    if (Number.isNaN(value) || value < BODY_TEMPERATURE.min || value > BODY_TEMPERATURE.max) return;
    if (text.tokens[index - 1]?.canon === 'r' || text.tokens[index + 1]?.canon === 'reais') return;
    const afterFever = fevers.some((fever) => index >= fever.end && index < fever.end + 4);
    // One decimal digit: "38,5" is a temperature, "39,90" a price.
    if (afterFever || /^\d{2}\.\d$/.test(token.canon) || text.tokens[index + 1]?.canon === 'graus') readings.push(value);
  });
  return readings;
}

function isUrgentFever(text: AnalysisText, chronic: readonly Span[]): boolean {
  const fevers = text.find(FEVER_RULES).filter((span) => !isChronic(text, span, chronic));
  if (fevers.length > 0 && text.find(HIGH_FEVER_RULES).length > 0) return true;
  const readings = temperatureReadings(text, fevers);
  if (readings.some((reading) => reading >= HIGH_FEVER_CELSIUS)) return true;
  if (text.find(BABY_RULES).length === 0) return false;
  // In a baby any fever is urgent: one named without a number, or any reading from 37.8 °C.
  return readings.some((reading) => reading >= BABY_FEVER_CELSIUS) || (fevers.length > 0 && readings.length === 0);
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
  const redFlags = text.find(RED_FLAG_RULES).filter((span) => !isChronic(text, span, chronic) && !isQuestionAbout(text, span));
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
