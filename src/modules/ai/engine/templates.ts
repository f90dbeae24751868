import { Persona } from './engine.types';

/**
 * Fixed patient-facing messages for the turns the orchestration answers without a model (booking handoff,
 * emergencies, opt-out…). They never depend on a model, so they are safe to send even when every key is down.
 * The persona only changes the register: friendly may use one emoji, formal never does.
 */
const NEUTRAL_PERSONA: Persona = { botName: 'assistente virtual', tone: 'friendly', greeting: null, disclaimers: [] };

function byTone(persona: Persona | undefined, friendly: string, formal: string): string {
  return (persona ?? NEUTRAL_PERSONA).tone === 'formal' ? formal : friendly;
}

/** `when` comes from the business-hours calculator, e.g. "ainda hoje, até as 18h" or "amanhã a partir das 8h". */
export function bookingHandoff(when: string, persona?: Persona): string {
  const moment = when.trim() || 'assim que possível';
  return byTone(
    persona,
    `Perfeito! Já passei seu pedido para a nossa secretária, que vai te responder ${moment} com os horários disponíveis para confirmar com você 😊`,
    `Certo. Encaminhei sua solicitação à nossa secretária, que responderá ${moment} com os horários disponíveis para confirmação.`,
  );
}

export function urgentSafety(persona?: Persona): string {
  return byTone(
    persona,
    'Pelo que você descreveu, isso pode ser uma urgência. Por favor, ligue agora para o SAMU 192 ou vá ao pronto-socorro mais próximo, sem esperar por agendamento. Nossa equipe também vai olhar sua mensagem.',
    'Pelo que foi descrito, pode se tratar de uma urgência. Ligue imediatamente para o SAMU 192 ou dirija-se ao pronto-socorro mais próximo, sem aguardar agendamento. Nossa equipe também verá sua mensagem.',
  );
}

export function humanHandoff(persona?: Persona): string {
  return byTone(
    persona,
    'Claro! Vou chamar uma pessoa da nossa equipe para continuar o seu atendimento. Em breve alguém te responde por aqui 😊',
    'Certamente. Uma pessoa da nossa equipe dará continuidade ao seu atendimento e responderá em breve por aqui.',
  );
}

export function optOutConfirmation(persona?: Persona): string {
  return byTone(
    persona,
    'Tudo bem, você não vai mais receber mensagens automáticas nossas. Se mudar de ideia, é só mandar VOLTAR.',
    'Pronto, você não receberá mais mensagens automáticas da clínica. Caso queira voltar a recebê-las, envie VOLTAR.',
  );
}

export function optInConfirmation(persona?: Persona): string {
  return byTone(
    persona,
    'Que bom ter você de volta! Você voltou a receber nossas mensagens. Como posso ajudar? 😊',
    'Você voltou a receber as mensagens da clínica. Como posso ajudar?',
  );
}

export function fallbackError(persona?: Persona): string {
  return byTone(
    persona,
    'Desculpe, tive um problema para responder agora. Uma pessoa da nossa equipe vai continuar o seu atendimento em breve.',
    'Desculpe, tive um problema para responder neste momento. Uma pessoa da nossa equipe dará continuidade ao atendimento em breve.',
  );
}

export function askToTypeInsteadOfVoice(persona?: Persona): string {
  return byTone(
    persona,
    'Desculpe, não consegui entender o seu áudio. Você pode me mandar a sua mensagem por escrito? 😊',
    'Desculpe, não foi possível compreender o áudio. Por gentileza, poderia enviar sua mensagem por escrito?',
  );
}

/** Sent once when a conversation hits its daily model-call cap; a person takes over from there. */
export function dailyCapReached(persona?: Persona): string {
  return byTone(
    persona,
    'Vou pedir para uma pessoa da nossa equipe continuar a conversa com você por aqui. Em breve alguém te responde!',
    'Uma pessoa da nossa equipe dará continuidade a esta conversa e responderá em breve por aqui.',
  );
}

/** For reschedule and cancel requests: only the secretary changes the agenda. */
export function agendaChangeHandoff(when: string, persona?: Persona): string {
  const moment = when.trim() || 'assim que possível';
  return byTone(
    persona,
    `Certo! Passei seu pedido para a nossa secretária, que vai te responder ${moment} para ajustar o seu horário.`,
    `Certo. Encaminhei seu pedido à nossa secretária, que responderá ${moment} para ajustar o seu horário.`,
  );
}
