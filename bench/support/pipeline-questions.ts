/**
 * What the bench's patients ask: questions the demo clinic (`scripts/demo-clinic.ts`) answers from its
 * knowledge and profile, written the way patients write on WhatsApp (with and without accents, greetings,
 * abbreviations). None asks to book, cancel or talk to a person, nor mentions a symptom: those hand the
 * conversation to the secretaries and the bot stops answering it. The calibration step of the bench checks each
 * text against the running app anyway and leaves out any that hands off or stays unanswered.
 */
export const PIPELINE_QUESTIONS: readonly string[] = [
  // prices
  'Quanto custa a limpeza dental?',
  'Oi, qual o valor do clareamento?',
  'Quanto fica um tratamento de canal?',
  'Qual o preço da extração simples?',
  'Quanto custa a restauração em resina?',
  'Qual o valor da manutenção do aparelho ortodôntico?',
  'Bom dia! Quanto custa a consulta dermatológica?',
  'qual o valor do botox?',
  'Quanto custa o peeling químico?',
  'Qual o preço do mapeamento de pintas?',
  'Quanto é a remoção de verrugas?',
  'Quanto custa a consulta de avaliação odontológica?',
  'Boa tarde, vcs fazem implante? Qual o valor?',
  // insurance
  'Vocês aceitam Unimed?',
  'Aceitam o convênio Bradesco Saúde?',
  'Boa tarde! Vocês atendem SulAmérica?',
  'Aceita Amil Dental?',
  'Vcs trabalham com OdontoPrev?',
  'Meu plano não está na lista, vocês dão reembolso?',
  // address, getting there, parking, accessibility
  'Qual o endereço da clínica?',
  'Onde fica a clínica? Tem metrô perto?',
  'Vocês têm estacionamento?',
  'Tem onde parar o carro aí perto?',
  'O prédio tem acessibilidade para cadeirante?',
  // hours
  'Qual o horário de atendimento?',
  'Vocês abrem aos sábados?',
  'Até que horas vocês atendem durante a semana?',
  'Abrem no domingo?',
  // payment
  'Quais as formas de pagamento?',
  'Aceitam Pix?',
  'Dá pra parcelar no cartão de crédito?',
  // other information
  'O que preciso levar na primeira consulta?',
  'Vocês atendem crianças?',
  'Qual a política de cancelamento?',
  'Qual a tolerância de atraso?',
  'Vocês emitem nota fiscal e atestado?',
  'Como devo me preparar para o peeling?',
];

/** The follow-up calibration's first message: a question every clinic answers, asked before the one measured. */
export const CALIBRATION_OPENER = 'Qual o horário de atendimento?';
