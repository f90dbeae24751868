import { ConversationContext } from 'src/modules/conversations/conversation.entity';
import { Intent, TurnAnalysis } from '../analysis/turn-analysis';

const LIST_LIMIT = 10;

const INTENT_TYPE: Record<Intent, NonNullable<ConversationContext['intentType']>> = {
  [Intent.Booking]: 'scheduling',
  [Intent.Reschedule]: 'scheduling',
  [Intent.Cancel]: 'scheduling',
  [Intent.PriceQuestion]: 'question',
  [Intent.InfoQuestion]: 'question',
  [Intent.UrgentSymptom]: 'urgent',
  [Intent.HumanRequest]: 'human',
  [Intent.OptOut]: 'opt_out',
  [Intent.GreetingOnly]: 'other',
  [Intent.Complaint]: 'other',
  [Intent.Other]: 'other',
};

const OBJECTION_CONCERN: Record<string, string> = { price: 'preço', distance: 'distância', fear: 'medo' };

function union(current: string[] | undefined, added: string[]): string[] {
  const merged = [...(current ?? [])];
  for (const item of added) if (item && !merged.some((known) => known.toLowerCase() === item.toLowerCase())) merged.push(item);
  return merged.slice(-LIST_LIMIT);
}

/** The conversation's context after one analysed turn: new facts win, facts this turn did not mention stay. */
export function mergeContext(current: ConversationContext, analysis: TurnAnalysis): ConversationContext {
  return {
    ...current,
    ...(analysis.patientName ? { patientName: analysis.patientName } : {}),
    ...(analysis.procedure ? { procedure: analysis.procedure } : {}),
    ...(analysis.preferredTime ? { preferredTime: analysis.preferredTime } : {}),
    symptoms: union(current.symptoms, analysis.symptoms),
    concerns: union(current.concerns, analysis.objections.map((objection) => OBJECTION_CONCERN[objection] ?? objection)),
    objections: union(current.objections, analysis.objections),
    preferences: analysis.preferredTime ? union(current.preferences, [analysis.preferredTime]) : (current.preferences ?? []),
    lastIntent: analysis.intent,
    intentType: INTENT_TYPE[analysis.intent],
    intentsSeen: union(current.intentsSeen, [analysis.intent]),
    analysedTurns: (current.analysedTurns ?? 0) + 1,
    sentiment: analysis.sentiment,
  };
}

/** A returning patient's memory of this conversation, in the bot's language, from what the analysis gathered. */
export function summariseContext(context: ConversationContext): string | null {
  const parts: string[] = [];
  if (context.patientName) parts.push(`Paciente: ${context.patientName}.`);
  if (context.procedure) parts.push(`Interesse: ${context.procedure}.`);
  if (context.preferences?.length) parts.push(`Preferência de horário: ${context.preferences.join(', ')}.`);
  if (context.symptoms?.length) parts.push(`Relatou: ${context.symptoms.join(', ')}.`);
  if (context.concerns?.length) parts.push(`Preocupações: ${context.concerns.join(', ')}.`);
  if (context.intentsSeen?.length) parts.push(`Assuntos: ${context.intentsSeen.join(', ')}.`);
  return parts.length > 0 ? parts.join(' ') : null;
}
