import { Intent } from 'src/modules/ai/analysis/turn-analysis';
import { KnowledgeSnippet, ReplyContext } from 'src/modules/ai/engine/engine.types';
import { analysisOf, replyContextOf } from 'src/modules/ai/engine/testing/engine-fixtures';
import { OFFLINE_REPLY_MAX_CHARS, OfflineReplyComposer } from './offline-reply-composer';

const PRICES: KnowledgeSnippet = {
  title: 'Tabela de preços',
  category: 'prices',
  content:
    'Consulta odontológica de avaliação: R$ 120,00\nLimpeza dental: R$ 180,00 (inclui profilaxia e aplicação de flúor)\nClareamento a laser: R$ 900,00\nConsulta dermatológica: R$ 250,00',
};
const INSURANCE: KnowledgeSnippet = {
  title: 'Convênios aceitos',
  category: 'insurance',
  content: 'Atendemos pelos convênios Unimed, Bradesco Saúde, SulAmérica e Amil. Para outros planos, emitimos recibo para reembolso.',
};
const PREPARATION: KnowledgeSnippet = {
  title: 'Preparo para o peeling químico',
  category: 'preparation',
  content: 'Suspenda o uso de ácidos na pele 5 dias antes do peeling. Evite sol intenso na semana anterior. Venha sem maquiagem.',
};
const PARKING: KnowledgeSnippet = {
  title: 'Estacionamento',
  category: 'location',
  content: 'Temos convênio com o estacionamento ao lado, na Rua Itapeva, 200: as duas primeiras horas são grátis.',
};

describe(OfflineReplyComposer.name, () => {
  const sut = new OfflineReplyComposer();

  function ask(burst: string[], overrides: Partial<ReplyContext> = {}, intent = Intent.InfoQuestion) {
    return sut.compose(replyContextOf({ burst, analysis: analysisOf({ intent }), ...overrides }));
  }

  describe('price questions', () => {
    it('should quote the price line of the item asked about', () => {
      const reply = ask(['Quanto custa a limpeza?'], { knowledge: [PRICES, INSURANCE] }, Intent.PriceQuestion);

      expect(reply.value).toContain('R$ 180');
      expect(reply.value).toContain('Limpeza dental: R$ 180,00');
      expect(reply.value).not.toContain('R$ 900');
      expect(reply).toMatchObject({ handoff: false, sources: ['Tabela de preços'], promptVersion: 'offline-reply@1' });
      expect(reply.call).toBeUndefined();
    });

    it('should find the price with the brief’s own example', () => {
      const snippet = { title: 'Limpeza dental', category: 'prices', content: 'Limpeza dental: R$ 180,00 à vista ou em 2x no cartão.' };
      const reply = ask(['Quanto custa a limpeza?'], { knowledge: [snippet] }, Intent.PriceQuestion);
      expect(reply.value).toContain('R$ 180');
    });

    it('should tolerate accents, plurals and typos in casing', () => {
      const reply = ask(['qual o VALOR do clareamento??'], { knowledge: [PRICES] }, Intent.PriceQuestion);
      expect(reply.value).toContain('Clareamento a laser: R$ 900,00');
      expect(reply.value).not.toContain('R$ 180');
    });

    it('should use the procedure the analysis found when the burst does not name it', () => {
      const reply = sut.compose(
        replyContextOf({ burst: ['e quanto fica?'], knowledge: [PRICES], analysis: analysisOf({ intent: Intent.PriceQuestion, procedure: 'consulta dermatológica' }) }),
      );
      expect(reply.value).toContain('Consulta dermatológica: R$ 250,00');
    });

    it('should say a secretary will answer when the price is not in the knowledge', () => {
      const reply = ask(['quanto custa o botox?'], { knowledge: [PRICES] }, Intent.PriceQuestion);

      expect(reply.value).toContain('Não encontrei essa informação aqui, vou pedir para a secretária te responder');
      expect(reply.value).not.toMatch(/R\$/);
      expect(reply.handoff).toBe(true);
    });

    it('should ask which procedure when the question names none', () => {
      const reply = ask(['quanto custa?'], { knowledge: [PRICES] }, Intent.PriceQuestion);
      expect(reply.value).toMatch(/qual procedimento/i);
      expect(reply.value).not.toMatch(/R\$/);
      expect(reply.handoff).toBe(false);
    });
  });

  describe('information questions', () => {
    it('should answer an insurance question from the knowledge', () => {
      const reply = ask(['vcs aceitam unimed?'], { knowledge: [PRICES, INSURANCE] });
      expect(reply.value).toContain('Unimed, Bradesco Saúde, SulAmérica e Amil');
      expect(reply.sources).toContain('Convênios aceitos');
    });

    it('should answer a money question no price line covers from the snippet named after it', () => {
      const payment = { title: 'Formas de pagamento', category: 'policies', content: 'Aceitamos Pix, cartão de débito e crédito em até 6x sem juros.' };
      const reply = ask(['Quais as formas de pagamento?'], { knowledge: [PRICES, payment] }, Intent.PriceQuestion);
      expect(reply.value).toContain('Pix');
      expect(reply.handoff).toBe(false);
    });

    it('should answer opening hours from the clinic profile when no snippet covers them', () => {
      const reply = ask(['vocês abrem sábado?'], { knowledge: [] });
      expect(reply.value).toContain('Horário: segunda a sexta, 8h às 19h; sábado, 8h às 12h');
      expect(reply.handoff).toBe(false);
    });

    it('should answer the address from the profile and add a close location snippet', () => {
      const reply = ask(['qual o endereço? tem estacionamento?'], { knowledge: [PARKING] });
      expect(reply.value).toContain('Av. Paulista, 1000');
      expect(reply.value).toContain('Rua Itapeva, 200');
    });

    it('should append the persona disclaimers to a preparation answer', () => {
      const reply = ask(['preciso de algum preparo antes do peeling?'], { knowledge: [PRICES, PREPARATION] });
      expect(reply.value).toContain('Suspenda o uso de ácidos');
      expect(reply.value).toContain('Não substituo uma avaliação profissional.');
    });

    it('should fall back politely when nothing matches', () => {
      const reply = ask(['vocês fazem implante capilar?'], { knowledge: [PRICES, INSURANCE], clinicProfile: null });
      expect(reply.value).toBe('Não encontrei essa informação aqui, vou pedir para a secretária te responder 😊');
      expect(reply.handoff).toBe(true);
    });

    it('should keep a long snippet within a WhatsApp-sized answer', () => {
      const long = { title: 'Clareamento', category: 'services', content: `Clareamento dental a laser em duas sessões. ${'O procedimento é feito no consultório com gel clareador. '.repeat(30)}` };
      const reply = ask(['como funciona o clareamento?'], { knowledge: [long] });
      expect(reply.value.length).toBeLessThanOrEqual(OFFLINE_REPLY_MAX_CHARS);
      expect(reply.value).toContain('Clareamento dental a laser em duas sessões.');
    });
  });

  describe('greeting', () => {
    it('should open the first reply with the persona greeting, and only the first', () => {
      const first = ask(['quanto custa a limpeza?'], { knowledge: [PRICES], firstReply: true }, Intent.PriceQuestion);
      const later = ask(['quanto custa a limpeza?'], { knowledge: [PRICES], firstReply: false }, Intent.PriceQuestion);

      expect(first.value.startsWith('Olá! Eu sou a Clara, assistente virtual da Clínica Exemplo.')).toBe(true);
      expect(first.value).toContain('R$ 180');
      expect(later.value).not.toContain('Eu sou a Clara');
    });

    it('should introduce the bot by name when the persona has no greeting', () => {
      const persona = { botName: 'Robbot', tone: 'friendly' as const, greeting: null, disclaimers: [] };
      const reply = ask(['oi'], { persona, firstReply: true }, Intent.GreetingOnly);
      expect(reply.value).toBe('Olá! Eu sou Robbot, assistente virtual da clínica. Como posso ajudar?');
    });

    it('should answer a later greeting briefly and thanks with "por nada"', () => {
      expect(ask(['oi, boa tarde'], {}, Intent.GreetingOnly).value).toBe('Oi! Como posso te ajudar? 😊');
      expect(ask(['obrigada!!'], {}, Intent.GreetingOnly).value).toMatch(/^Por nada!/);
    });
  });

  describe('other turns', () => {
    it('should apologise for a complaint and hand off to a person', () => {
      const reply = ask(['esperei 1 hora e ninguém me atendeu'], {}, Intent.Complaint);
      expect(reply.value).toMatch(/Sinto muito/);
      expect(reply.value).toMatch(/uma pessoa vai falar com você/);
      expect(reply.handoff).toBe(true);
    });

    it('should give the safety message with SAMU 192 for an urgent turn, without a greeting', () => {
      const reply = sut.compose(replyContextOf({ burst: ['estou com dor no peito'], firstReply: true, analysis: analysisOf({ intent: Intent.UrgentSymptom, urgent: true }) }));
      expect(reply.value).toContain('SAMU 192');
      expect(reply.value).not.toContain('Eu sou a Clara');
      expect(reply.handoff).toBe(true);
    });

    it('should offer help without inventing an answer for an unrelated message', () => {
      const reply = ask(['meu cachorro fugiu'], { knowledge: [PRICES] }, Intent.Other);
      expect(reply.value).toMatch(/Posso te ajudar com informações/);
      expect(reply.handoff).toBe(false);
    });

    it('should still answer an unclassified message that clearly asks about a known item', () => {
      const reply = ask(['e o estacionamento?'], { knowledge: [PARKING] }, Intent.Other);
      expect(reply.value).toContain('Rua Itapeva, 200');
    });

    it('should quote a price for an unclassified turn only when the item is found', () => {
      expect(ask(['e a limpeza, quanto custa?'], { knowledge: [PRICES] }, Intent.Other).value).toContain('R$ 180');
      expect(ask(['quanto custa?'], { knowledge: [PRICES] }, Intent.Other).value).toMatch(/Posso te ajudar/);
    });

    it('should hand booking requests to the secretary without offering slots', () => {
      const reply = ask(['quero marcar uma limpeza amanhã às 10h'], { knowledge: [PRICES] }, Intent.Booking);
      expect(reply.value).toMatch(/secretária/);
      expect(reply.value).not.toMatch(/\b\d{1,2}h\b|R\$/);
      expect(reply.handoff).toBe(true);
    });

    it('should use no emoji in the formal tone', () => {
      const persona = { botName: 'Assistente', tone: 'formal' as const, greeting: null, disclaimers: [] };
      const replies = [
        ask(['quanto custa o botox?'], { persona, knowledge: [PRICES] }, Intent.PriceQuestion),
        ask(['oi'], { persona }, Intent.GreetingOnly),
        ask(['reclamação'], { persona }, Intent.Complaint),
      ];
      for (const reply of replies) expect(reply.value).not.toMatch(/\p{Extended_Pictographic}/u);
    });
  });
});
