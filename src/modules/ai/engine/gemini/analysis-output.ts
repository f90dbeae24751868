import { z } from 'zod';
import { Intent, Objection, Sentiment, TurnAnalysis } from 'src/modules/ai/analysis/turn-analysis';

export const ANALYSIS_SCHEMA_NAME = 'turn_analysis';

/**
 * What Gemini is asked to return. Unknown text fields are optional rather than nullable: the google-genai
 * adapter turns `.nullable()` into `type: ["string", "null"]`, which Gemini's responseSchema rejects with a 400
 * (langchain-ai/langchainjs#11328). Ranges are checked after parsing for the same reason.
 */
export const turnAnalysisSchema = z
  .object({
    intent: z.nativeEnum(Intent).describe('A intenção principal das mensagens novas'),
    confidence: z.number().describe('Confiança na intent, de 0 a 1'),
    urgent: z.boolean().describe('Há sinal de emergência'),
    wants_human: z.boolean().describe('Pede para falar com uma pessoa'),
    opt_out: z.boolean().describe('Pede para não receber mais mensagens'),
    opt_in: z.boolean().describe('Pede para voltar a receber mensagens'),
    patient_name: z.string().optional().describe('Nome do próprio remetente, se ele se apresentou'),
    procedure: z.string().optional().describe('Procedimento ou especialidade de interesse'),
    preferred_time: z.string().optional().describe('Preferência de dia ou horário, nas palavras do paciente'),
    symptoms: z.array(z.string()).describe('Sintomas mencionados'),
    sentiment: z.enum(['positive', 'neutral', 'negative']),
    objections: z.array(z.enum(['price', 'distance', 'fear'])),
  })
  .describe('Análise de uma mensagem de paciente');

export type TurnAnalysisWire = z.infer<typeof turnAnalysisSchema>;

export type Interpretation =
  | { ok: true; analysis: TurnAnalysis; repaired: boolean }
  | { ok: false; error: string };

/** Strict first (the schema as sent), then lenient coercion of near misses; the error text feeds the re-ask. */
export function interpretAnalysis(candidate: unknown): Interpretation {
  const object = typeof candidate === 'string' ? parseJsonLeniently(candidate) : candidate;
  if (object === undefined) return { ok: false, error: 'a resposta não contém um objeto JSON' };
  const strict = turnAnalysisSchema.safeParse(object);
  if (strict.success && strict.data.confidence >= 0 && strict.data.confidence <= 1) {
    const repaired = typeof candidate === 'string' && !isPlainJson(candidate);
    return { ok: true, analysis: fromWire(strict.data), repaired };
  }
  const coerced = coerceAnalysis(object);
  if (coerced.ok) return coerced;
  const issues = strict.success ? 'confidence fora do intervalo 0..1' : strict.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return { ok: false, error: `${coerced.error} (${issues})` };
}

export function fromWire(wire: TurnAnalysisWire): TurnAnalysis {
  return consistent({
    intent: wire.intent,
    confidence: wire.confidence,
    urgent: wire.urgent,
    wantsHuman: wire.wants_human,
    optOut: wire.opt_out,
    optIn: wire.opt_in,
    patientName: cleanText(wire.patient_name, 80),
    procedure: cleanText(wire.procedure, 120),
    preferredTime: cleanText(wire.preferred_time, 120),
    symptoms: wire.symptoms.map((s) => cleanText(s, 80)).filter((s): s is string => s !== null),
    sentiment: wire.sentiment,
    objections: [...new Set(wire.objections)],
  });
}

function isPlainJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Finds the JSON object in text that may carry code fences, prose, trailing commas or Python literals. */
export function parseJsonLeniently(text: string): unknown {
  const unfenced = text.replace(/```(?:json)?/gi, '');
  const start = unfenced.indexOf('{');
  const end = unfenced.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  const body = unfenced.slice(start, end + 1);
  for (const attempt of [body, loosen(body)]) {
    try {
      return JSON.parse(attempt);
    } catch {
      // try the next, looser reading
    }
  }
  return undefined;
}

function loosen(json: string): string {
  return json
    .replace(/,\s*([}\]])/g, '$1')
    .replace(/\bTrue\b/g, 'true')
    .replace(/\bFalse\b/g, 'false')
    .replace(/\bNone\b/g, 'null')
    .replace(/([{,]\s*)'([^'\\]+)'\s*:/g, '$1"$2":')
    .replace(/:\s*'([^'\\]*)'/g, ': "$1"')
    .replace(/([{,]\s*)([A-Za-z_][A-Za-z0-9_]*)\s*:/g, '$1"$2":');
}

const INTENT_ALIASES: Record<string, Intent> = {
  greeting: Intent.GreetingOnly,
  greetings: Intent.GreetingOnly,
  price: Intent.PriceQuestion,
  pricing: Intent.PriceQuestion,
  info: Intent.InfoQuestion,
  information: Intent.InfoQuestion,
  question: Intent.InfoQuestion,
  urgent: Intent.UrgentSymptom,
  emergency: Intent.UrgentSymptom,
  urgency: Intent.UrgentSymptom,
  human: Intent.HumanRequest,
  optout: Intent.OptOut,
  unsubscribe: Intent.OptOut,
  schedule: Intent.Booking,
  appointment: Intent.Booking,
  book: Intent.Booking,
  cancellation: Intent.Cancel,
  rescheduling: Intent.Reschedule,
};
const INTENT_VALUES = new Set<string>(Object.values(Intent));
const SENTIMENTS: Record<string, Sentiment> = {
  positive: 'positive',
  positivo: 'positive',
  negative: 'negative',
  negativo: 'negative',
  neutral: 'neutral',
  neutro: 'neutral',
};
const OBJECTIONS: Record<string, Objection> = {
  price: 'price',
  preco: 'price',
  valor: 'price',
  cost: 'price',
  distance: 'distance',
  distancia: 'distance',
  location: 'distance',
  fear: 'fear',
  medo: 'fear',
  anxiety: 'fear',
};
const NULLISH = new Set(['', 'null', 'none', 'n/a', 'na', 'unknown', 'desconhecido', 'nenhum', 'nenhuma', 'não informado', 'nao informado', '-']);

function coerceAnalysis(value: unknown): Interpretation {
  const rec = unwrap(snakeKeys(value));
  if (!rec) return { ok: false, error: 'a resposta não é um objeto' };
  const intent = coerceIntent(rec.intent);
  if (!intent) return { ok: false, error: `intent inválida: ${JSON.stringify(rec.intent ?? null)}; use uma de ${[...INTENT_VALUES].join(', ')}` };
  return {
    ok: true,
    repaired: true,
    analysis: consistent({
      intent,
      confidence: coerceConfidence(rec.confidence) ?? 0.5,
      urgent: coerceBool(rec.urgent),
      wantsHuman: coerceBool(rec.wants_human),
      optOut: coerceBool(rec.opt_out),
      optIn: coerceBool(rec.opt_in),
      patientName: cleanText(rec.patient_name, 80),
      procedure: cleanText(rec.procedure, 120),
      preferredTime: cleanText(rec.preferred_time, 120),
      symptoms: toList(rec.symptoms).map((s) => cleanText(s, 80)).filter((s): s is string => s !== null),
      sentiment: SENTIMENTS[key(rec.sentiment)] ?? 'neutral',
      objections: [...new Set(toList(rec.objections).map((o) => OBJECTIONS[key(o)]).filter((o): o is Objection => !!o))],
    }),
  };
}

/** Flags implied by the intent, so a model that sets one but not the other cannot skip the safety path. */
function consistent(a: TurnAnalysis): TurnAnalysis {
  return {
    ...a,
    urgent: a.urgent || a.intent === Intent.UrgentSymptom,
    wantsHuman: a.wantsHuman || a.intent === Intent.HumanRequest,
    optOut: a.optOut || a.intent === Intent.OptOut,
  };
}

function coerceIntent(value: unknown): Intent | null {
  const k = key(value);
  if (INTENT_VALUES.has(k)) return k as Intent;
  return INTENT_ALIASES[k] ?? INTENT_ALIASES[k.replace(/_/g, '')] ?? INTENT_ALIASES[k.split('_')[0]] ?? null;
}

function coerceConfidence(value: unknown): number | null {
  const raw = typeof value === 'string' ? Number(value.replace('%', '').replace(',', '.').trim()) : value;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return null;
  const scaled = raw > 1 && raw <= 100 ? raw / 100 : raw;
  return Math.min(1, Math.max(0, scaled));
}

function coerceBool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return ['true', 'yes', 'sim', '1', 'verdadeiro'].includes(key(value));
}

function cleanText(value: unknown, max: number): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).replace(/\s+/g, ' ').trim();
  if (NULLISH.has(text.toLowerCase())) return null;
  return text.slice(0, max);
}

function toList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string' && !NULLISH.has(value.trim().toLowerCase())) return value.split(/[,;]/);
  return [];
}

function key(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function snakeKeys(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[\s-]+/g, '_').toLowerCase()] = v;
  }
  return out;
}

/** Models sometimes wrap the object: `{"analysis": {...}}`. */
function unwrap(rec: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!rec || 'intent' in rec) return rec;
  const values = Object.values(rec);
  return values.length === 1 ? snakeKeys(values[0]) : rec;
}
