import { EngineKind, Persona } from 'src/modules/ai/engine/engine.types';

export const ENGINE_KINDS: readonly EngineKind[] = ['offline', 'gemini'];
export const PERSONA_TONES: readonly Persona['tone'][] = ['friendly', 'formal'];

/** How the AI front desk behaves for one organization; read on every turn through `AiSettingsService.get`. */
export interface AiSettings {
  organizationId: string;
  /** Off: the bot neither analyses nor answers; people handle every conversation. */
  enabled: boolean;
  engine: EngineKind;
  model: string;
  persona: Persona;
  /** Wait this long after the patient's last message before answering, so a burst gets one reply. */
  debounceMs: number;
  /** Answer at the latest this long after the first message of a burst, however long the patient keeps typing. */
  maxDebounceMs: number;
  /** Hand a conversation back to the bot after a human has been silent this long; 0 = never. */
  humanIdleHandbackMinutes: number;
  maxModelCallsPerConversationPerDay: number;
  /** Input + output tokens per calendar month; null = unlimited. */
  monthlyTokenBudget: number | null;
  /** How many earlier messages the engines see. */
  historyWindow: number;
  updatedAt: string;
}

export const DEFAULT_MODEL = 'gemini-2.5-flash';

export const DEFAULT_PERSONA: Persona = {
  botName: 'Clara',
  tone: 'friendly',
  greeting: 'Olá! Eu sou a Clara, assistente virtual da clínica. Como posso ajudar?',
  disclaimers: ['Não substituo uma avaliação profissional.'],
};

export const AI_SETTINGS_DEFAULTS = {
  model: DEFAULT_MODEL,
  debounceMs: 3_000,
  maxDebounceMs: 15_000,
  humanIdleHandbackMinutes: 120,
  monthlyTokenBudget: null,
  historyWindow: 12,
} as const;

export const AI_SETTINGS_LIMITS = {
  botNameMaxLength: 40,
  greetingMaxLength: 500,
  disclaimersMax: 5,
  disclaimerMaxLength: 300,
  debounceMsMax: 60_000,
  maxDebounceMsMax: 300_000,
  humanIdleHandbackMinutesMax: 10_080,
  maxModelCallsMax: 10_000,
  monthlyTokenBudgetMin: 1_000,
  monthlyTokenBudgetMax: 1_000_000_000_000,
  historyWindowMax: 50,
} as const;
