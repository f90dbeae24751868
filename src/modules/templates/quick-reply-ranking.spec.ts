import { normalizeText, rankQuickReplies, scoreQuickReply } from './quick-reply-ranking';

const horarios = { trigger: 'horarios', contexts: ['agendamento'], keywords: ['horário', 'sábado'] };
const preco = { trigger: 'preço limpeza', contexts: ['financeiro'], keywords: ['valor', 'quanto custa'] };
const remarcar = { trigger: 'remarcar', contexts: ['Agendamento'], keywords: ['remarcar', 'desmarcar'] };

describe('quick reply ranking', () => {
  it('should ignore accents, case and punctuation', () => {
    expect(normalizeText('  Agendaménto! Sábado?  ')).toBe('agendamento sabado');
  });

  it('should score a context match above keywords and shared words', () => {
    expect(scoreQuickReply(horarios, 'AGENDAMENTO', undefined)).toBe(100 + 5);
    expect(scoreQuickReply(horarios, undefined, 'Vocês abrem sábado? Qual o horario?')).toBe(20 + 20 + 5 + 5);
  });

  it('should match a multi-word keyword and the trigger as phrases', () => {
    expect(scoreQuickReply(preco, undefined, 'Quanto custa a preço limpeza?')).toBe(50 + 20 + 5 * 4);
  });

  it('should leave out replies that do not match and break ties by trigger', () => {
    const ranked = rankQuickReplies([remarcar, preco, horarios], 'agendamento', undefined);
    expect(ranked.map((item) => item.reply.trigger)).toEqual(['horarios', 'remarcar']);
  });

  it('should rank by the patient’s words within a context', () => {
    const ranked = rankQuickReplies([horarios, remarcar], 'agendamento', 'preciso desmarcar minha consulta');
    expect(ranked.map((item) => item.reply.trigger)).toEqual(['remarcar', 'horarios']);
  });

  it('should suggest nothing for an empty query', () => {
    expect(rankQuickReplies([horarios], '  ', '')).toEqual([]);
  });
});
