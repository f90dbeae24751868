import { AnalysisInput, TurnAnalysis } from 'src/modules/ai/analysis/turn-analysis';

export type EngineKind = 'offline' | 'gemini';

/** How the bot presents itself; configured per organization. */
export interface Persona {
  botName: string;
  tone: 'friendly' | 'formal';
  /** Said on the first answer of a conversation; null for none. */
  greeting: string | null;
  /** Appended when the answer touches health (e.g. "Não substituo uma avaliação profissional."). */
  disclaimers: string[];
}

export interface KnowledgeSnippet {
  title: string;
  category: string;
  content: string;
}

/** Everything an engine may use to answer one burst; the orchestration gathers it, engines never query. */
export interface ReplyContext extends AnalysisInput {
  organizationId: string;
  conversationId: string;
  /** BCP 47, e.g. 'pt-BR'. */
  locale: string;
  timezone: string;
  persona: Persona;
  /** The clinic profile rendered as short text (name, address, phone, hours, insurance, services). */
  clinicProfile: string | null;
  knowledge: KnowledgeSnippet[];
  /** Stored summaries of the patient's earlier conversations, newest first. */
  patientMemory: string[];
  analysis: TurnAnalysis;
  /** True when the bot has not yet answered in this conversation (greet). */
  firstReply: boolean;
}

export interface ModelCallMeta {
  provider: string;
  model: string;
  promptVersion: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
}

export interface EngineAnswer<T> {
  value: T;
  /** Absent for the offline engine (no model call). */
  call?: ModelCallMeta;
}
