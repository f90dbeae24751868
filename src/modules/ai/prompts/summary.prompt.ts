import { BaseMessage } from '@langchain/core/messages';
import { conversationText, languageName } from './prompt-sections';
import { ConversationLine, systemHumanPrompt } from './prompt.types';

export interface SummaryPromptVariables extends Record<string, string> {
  language: string;
  conversation: string;
}

const SYSTEM = `Você escreve a memória de atendimento de uma clínica, em {language}.
Resuma a conversa abaixo para que a assistente se lembre deste paciente quando ele voltar a escrever.
Inclua apenas o que foi dito: nome do paciente, procedimentos ou especialidades de interesse, preferências (dias, horários, profissional, convênio), preocupações ou objeções (preço, distância, medo) e como a conversa terminou (agendamento encaminhado, dúvida pendente, reclamação).
Regras: no máximo 5 linhas curtas em texto simples, sem markdown; não invente nada; não faça diagnóstico; não copie documentos, telefones, endereços nem dados de pagamento.
Se a conversa não tiver nada útil para lembrar, responda apenas: (sem informações relevantes)`;

const HUMAN = `Conversa:
{conversation}`;

export const SUMMARY_PROMPT = systemHumanPrompt<SummaryPromptVariables>('summary', 1, SYSTEM, HUMAN);

/** What the model answers when there is nothing worth remembering; the engine maps it to an empty summary. */
export const EMPTY_SUMMARY_MARKER = '(sem informações relevantes)';

/** A summary covers a whole conversation, so it takes more lines than the reply prompt's window. */
export const SUMMARY_MAX_LINES = 60;

export function summaryPromptVariables(messages: readonly ConversationLine[], locale?: string): SummaryPromptVariables {
  return { language: languageName(locale), conversation: conversationText(messages, SUMMARY_MAX_LINES) };
}

export function renderSummaryPrompt(messages: readonly ConversationLine[], locale?: string): Promise<BaseMessage[]> {
  return SUMMARY_PROMPT.template.formatMessages(summaryPromptVariables(messages, locale));
}
