import { Intent, INTENTS } from 'src/modules/ai/analysis/turn-analysis';
import { LeadBand } from 'src/modules/ai/scoring/lead-score.types';

/** One line of the labelled pt-BR fixture (see test/fixtures/ai/conversations-ptbr.jsonl). */
export interface LabelledConversation {
  id: string;
  messages: string[];
  labels: {
    intent: Intent;
    booking_intent: boolean;
    urgent: boolean;
    wants_human: boolean;
    opt_out: boolean;
    maturity_band: LeadBand;
    patient_name: string | null;
    procedure: string | null;
    preferred_time: string | null;
  };
}

export class FixtureFormatError extends Error {}

const BANDS: readonly string[] = ['cold', 'warm', 'hot'];
const FLAGS = ['booking_intent', 'urgent', 'wants_human', 'opt_out'] as const;
const FIELDS = ['patient_name', 'procedure', 'preferred_time'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problemWith(value: unknown): string | null {
  if (!isRecord(value)) return 'not a JSON object';
  if (typeof value.id !== 'string' || value.id === '') return '"id" must be a non-empty string';
  if (!Array.isArray(value.messages) || value.messages.length === 0 || !value.messages.every((message) => typeof message === 'string')) {
    return '"messages" must be a non-empty array of strings';
  }
  const labels = value.labels;
  if (!isRecord(labels)) return '"labels" must be an object';
  if (!INTENTS.includes(labels.intent as Intent)) return `"labels.intent" must be one of ${INTENTS.join(', ')}`;
  if (!BANDS.includes(labels.maturity_band as string)) return `"labels.maturity_band" must be one of ${BANDS.join(', ')}`;
  for (const flag of FLAGS) if (typeof labels[flag] !== 'boolean') return `"labels.${flag}" must be a boolean`;
  for (const field of FIELDS) if (labels[field] !== null && typeof labels[field] !== 'string') return `"labels.${field}" must be a string or null`;
  return null;
}

/** Parses JSON Lines; blank lines are skipped, anything else malformed names its 1-based line number. */
export function parseLabelledConversations(content: string): LabelledConversation[] {
  const conversations: LabelledConversation[] = [];
  content.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error: unknown) {
      throw new FixtureFormatError(`line ${index + 1}: invalid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const problem = problemWith(parsed);
    if (problem) throw new FixtureFormatError(`line ${index + 1}: ${problem}`);
    conversations.push(parsed as LabelledConversation);
  });
  if (conversations.length === 0) throw new FixtureFormatError('no conversations found');
  return conversations;
}
