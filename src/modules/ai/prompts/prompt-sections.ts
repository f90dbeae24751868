import { KnowledgeSnippet, Persona } from 'src/modules/ai/engine/engine.types';
import { ConversationLine } from './prompt.types';

/** Bounds that keep a prompt small whatever the orchestration passes in. */
export const PROMPT_LIMITS = {
  historyMessages: 12,
  messageChars: 600,
  knowledgeSnippets: 6,
  snippetChars: 1200,
  memoryEntries: 3,
  memoryChars: 700,
  profileChars: 2000,
} as const;

const LANGUAGE_NAMES: Record<string, string> = {
  pt: 'português do Brasil',
  en: 'inglês',
  es: 'espanhol',
};

/** The answer language named in Portuguese; unknown locales fall back to the product default. */
export function languageName(locale: string | undefined): string {
  const primary = (locale ?? 'pt-BR').split(/[-_]/)[0].toLowerCase();
  return LANGUAGE_NAMES[primary] ?? LANGUAGE_NAMES.pt;
}

export function toneInstructions(persona: Persona): string {
  return persona.tone === 'formal'
    ? 'cordial e formal: trate o paciente por "você" com respeito, sem gírias e sem emojis'
    : 'acolhedor e próximo, como uma boa recepcionista: frases simples, no máximo um emoji quando fizer sentido';
}

export function greetingInstruction(persona: Persona, firstReply: boolean): string {
  if (!firstReply) return 'A conversa já começou: não cumprimente nem se apresente de novo.';
  if (persona.greeting) return `Esta é a sua primeira resposta nesta conversa: comece com esta saudação: "${persona.greeting}"`;
  return `Esta é a sua primeira resposta nesta conversa: cumprimente e apresente-se brevemente como ${persona.botName}.`;
}

export function disclaimersText(persona: Persona): string {
  if (persona.disclaimers.length === 0) return '(nenhum)';
  return persona.disclaimers.map((line) => `- ${line}`).join('\n');
}

export function clinicProfileText(profile: string | null): string {
  return profile?.trim() ? clip(profile.trim(), PROMPT_LIMITS.profileChars) : '(perfil da clínica não informado)';
}

export function knowledgeText(snippets: readonly KnowledgeSnippet[]): string {
  if (snippets.length === 0) return '(nenhuma informação encontrada na base de conhecimento para esta pergunta)';
  return snippets
    .slice(0, PROMPT_LIMITS.knowledgeSnippets)
    .map((s, i) => `[${i + 1}] ${s.title} (${s.category})\n${clip(s.content.trim(), PROMPT_LIMITS.snippetChars)}`)
    .join('\n\n');
}

export function patientMemoryText(memory: readonly string[]): string {
  const entries = memory.filter((m) => m.trim()).slice(0, PROMPT_LIMITS.memoryEntries);
  if (entries.length === 0) return '(nenhuma conversa anterior registrada com este paciente)';
  return entries.map((m) => `- ${clip(m.trim(), PROMPT_LIMITS.memoryChars)}`).join('\n');
}

/** The last N lines, each labelled by who spoke, so the model can tell the clinic's words from the patient's. */
export function historyText(history: readonly ConversationLine[] | undefined): string {
  return conversationText(history ?? [], PROMPT_LIMITS.historyMessages);
}

export function conversationText(lines: readonly ConversationLine[], maxLines: number): string {
  const kept = lines.filter((l) => l.body.trim()).slice(-maxLines);
  if (kept.length === 0) return '(sem mensagens anteriores)';
  return kept.map((l) => `${l.direction === 'inbound' ? 'Paciente' : 'Clínica'}: ${oneLine(l.body)}`).join('\n');
}

export function burstText(burst: readonly string[]): string {
  const lines = burst.map((b) => b.trim()).filter(Boolean);
  if (lines.length === 0) return '(mensagem vazia)';
  return lines.map((b) => `- ${oneLine(b)}`).join('\n');
}

function oneLine(text: string): string {
  return clip(text.replace(/\s+/g, ' ').trim(), PROMPT_LIMITS.messageChars);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
