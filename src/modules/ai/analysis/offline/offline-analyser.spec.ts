import { Intent, TurnAnalysis } from 'src/modules/ai/analysis/turn-analysis';
import { OfflineAnalyser } from './offline-analyser';

describe(OfflineAnalyser.name, () => {
  const sut = new OfflineAnalyser();
  const analyse = (...burst: string[]): TurnAnalysis => sut.analyse({ burst });

  describe('analyse', () => {
    it('should return every field of the contract for an empty burst', () => {
      expect(analyse()).toEqual({
        intent: Intent.Other, confidence: expect.any(Number), urgent: false, wantsHuman: false, optOut: false, optIn: false,
        patientName: null, procedure: null, preferredTime: null, symptoms: [], sentiment: 'neutral', objections: [],
      });
    });

    it('should be deterministic', () => {
      const burst = ['oi', 'qria marca uma consuta pra sabado de manha'];
      expect(analyse(...burst)).toEqual(analyse(...burst));
    });

    it('should keep the confidence within 0..1', () => {
      for (const burst of [['oi'], ['PARAR'], ['to com falta de ar'], ['quanto custa?'], ['asdfgh']]) {
        const { confidence } = analyse(...burst);
        expect(confidence).toBeGreaterThanOrEqual(0);
        expect(confidence).toBeLessThanOrEqual(1);
      }
    });
  });

  describe('normalisation', () => {
    it.each([
      ['stretched letters', ['oiiii', 'quero agendaaaar uma limpezaaa']],
      ['accents missing', ['gostaria de agendar uma consulta pra sabado']],
      ['upper case', ['QUERO MARCAR UMA CONSULTA']],
      ['abbreviations', ['vc tem horario hj? qro agd']],
      ['typos', ['gostaria de ajendar uma consuta']],
      ['a transposed typo', ['queria agnedar uma avaliacao']],
    ])('should read a booking through %s', (_, burst) => {
      expect(analyse(...burst).intent).toBe(Intent.Booking);
    });

    it('should not "correct" an ordinary word into a keyword', () => {
      expect(analyse('mandei o comprovante, qualquer coisa me avisa').intent).toBe(Intent.Other);
      expect(analyse('preciso pagar a consulta de ontem').optOut).toBe(false);
      expect(analyse('minha mãe desmaiou agora pouco').urgent).toBe(true);
    });
  });

  describe('negation', () => {
    it('should not book when the patient says they do not want to book', () => {
      expect(analyse('não quero agendar agora, só saber o preço do clareamento').intent).toBe(Intent.PriceQuestion);
      expect(analyse('nao quero marcar nada ainda, vcs fazem lente?').intent).toBe(Intent.InfoQuestion);
    });

    it('should not flag a negated human request, symptom or urgency', () => {
      expect(analyse('nao preciso de atendente, só quero o endereço').wantsHuman).toBe(false);
      expect(analyse('sem dor nenhuma, só quero fazer uma limpeza').urgent).toBe(false);
      expect(analyse('não é urgente, mas queria ver uma manchinha').urgent).toBe(false);
      expect(analyse('o dente quebrou faz tempo mas nao doi nada nao').urgent).toBe(false);
      expect(analyse('nunca tive dor forte, só um incômodo').urgent).toBe(false);
    });

    it('should end the negation at a contrast or a new verb', () => {
      expect(analyse('não tenho convênio, mas quero marcar').intent).toBe(Intent.Booking);
      expect(analyse('não sei se vcs atendem sábado, queria marcar').intent).toBe(Intent.Booking);
      expect(analyse('nao consigo marcar pelo site').intent).toBe(Intent.Booking);
    });

    it('should keep an opt-out that is itself a negation', () => {
      expect(analyse('não quero mais receber mensagens').optOut).toBe(true);
      expect(analyse('nem precisa me mandar mais nada').optOut).toBe(true);
    });
  });

  describe('intents', () => {
    it.each([
      [Intent.Booking, ['oi', 'vcs tem vaga pra amanha de manha?']],
      [Intent.Reschedule, ['da pra trocar meu horario de quinta pra sexta?']],
      [Intent.Reschedule, ['preciso desmarcar a de terça e marcar pra outro dia']],
      [Intent.Cancel, ['preciso cancelar a consulta de amanhã', 'surgiu um imprevisto']],
      [Intent.PriceQuestion, ['qto custa uma sessao de fisio?']],
      [Intent.InfoQuestion, ['vocês aceitam amil?']],
      [Intent.UrgentSymptom, ['to com muita falta de ar desde cedo']],
      [Intent.HumanRequest, ['quero falar com um atendente']],
      [Intent.OptOut, ['pare de me enviar mensagens']],
      [Intent.GreetingOnly, ['oi', 'td bem?']],
      [Intent.Complaint, ['esperei 2 horas e ninguém me atendeu, que absurdo']],
      [Intent.Other, ['ola, vendo equipamentos odontologicos, posso mandar o catalogo?']],
    ])('should read %s', (intent, burst) => {
      expect(analyse(...burst).intent).toBe(intent);
    });

    it('should let the documented priority decide mixed bursts', () => {
      expect(analyse('quanto custa o botox? e ja queria deixar marcado pra sexta').intent).toBe(Intent.Booking);
      expect(analyse('me passa pra alguém, quero marcar consulta').intent).toBe(Intent.HumanRequest);
      expect(analyse('to sangrando muito', 'quero falar com o dentista').intent).toBe(Intent.UrgentSymptom);
      expect(analyse('cancela minha consulta de quinta', 'da ultima vez esperei 1h').intent).toBe(Intent.Cancel);
    });

    it('should find the intent in the last message of a long burst', () => {
      const burst = ['oi', 'bom dia', 'tudo certo?', 'vcs atendem pelo convênio?', 'ah e fazem pilates?', 'blz entao quero agendar uma aula experimental'];
      expect(analyse(...burst).intent).toBe(Intent.Booking);
    });

    it('should read "tem alguém aí?" as a greeting unless the patient has been kept waiting', () => {
      expect(analyse('boa noite!!', 'alguem ai?').intent).toBe(Intent.GreetingOnly);
      expect(analyse('tem alguém aí? tô esperando resposta faz 30 minutos').intent).toBe(Intent.HumanRequest);
      expect(sut.analyse({ burst: ['tem alguém aí?'], history: [{ direction: 'inbound', body: 'oi, quero marcar' }] }).wantsHuman).toBe(true);
    });
  });

  describe('flags', () => {
    it.each([
      ['chest pain', 'to com dor no peito e formigamento no braço'],
      ['fever in a baby', 'o bebê de 4 meses ta com febre de 38'],
      ['high fever', 'minha filha ta com febre de 39,5'],
      ['a seizure', 'ele teve uma convulsão agora'],
      ['suicidal ideation', 'não aguento mais, quero me matar'],
      ['an allergic reaction', 'apareceram placas vermelhas e meus labios tao inchando'],
      ['trauma', 'caí de bicicleta e acho que quebrei o braço'],
      ['sudden vision loss', 'do nada parei de enxergar do olho direito'],
      ['severe pain', 'to com uma dor insuportavel no ouvido'],
      ['a post-procedure complication', 'fiz preenchimento ontem e hoje a boca ta roxa e latejando'],
      ['heavy bleeding', 'to sangrando muito depois da extração'],
    ])('should flag %s as urgent', (_, message) => {
      expect(analyse(message).urgent).toBe(true);
    });

    it.each([
      ['an old, improving injury', 'machuquei o joelho faz 3 semanas, ja ta melhor, queria fazer fisio'],
      ['a question about pain', 'dói muito fazer canal?'],
      ['"urgente" about a chain message', 'URGENTE!! repassem pra todos os contatos'],
      ['a mild cold', 'to gripado, preciso de atestado'],
      ['an age, not a duration', 'ele tem 2 anos e está com o nariz escorrendo'],
    ])('should not flag %s as urgent', (_, message) => {
      expect(analyse(message).urgent).toBe(false);
    });

    it('should ask for a person in the ways patients put it', () => {
      for (const message of ['atendente', 'me passa pra secretária por favor', 'quero falar com uma pessoa de verdade, nao com robo', 'a Dra Renata pode me ligar?', 'esse robô não entende nada']) {
        expect({ message, wantsHuman: analyse(message).wantsHuman }).toEqual({ message, wantsHuman: true });
      }
      expect(analyse('oi doutora, bom dia').wantsHuman).toBe(false);
    });

    it('should opt out on every way of saying stop', () => {
      for (const message of ['PARAR', 'Sair', 'STOP', 'descadastrar', 'me tira dessa lista', 'por favor parem de mandar propaganda', 'nao me mande mais nada']) {
        expect({ message, optOut: analyse(message).optOut }).toEqual({ message, optOut: true });
      }
    });

    it('should not opt out on "pra", "parar o remédio" or "chega de robô"', () => {
      for (const message of ['pode mandar o resultado pro meu whatsapp?', 'preciso parar de tomar o remédio antes do exame?', 'chega de robô, me passa pra alguém', 'vou sair do trabalho às 17h']) {
        expect({ message, optOut: analyse(message).optOut }).toEqual({ message, optOut: false });
      }
    });

    it('should read an opt-in and never both at once', () => {
      expect(analyse('quero voltar a receber as mensagens')).toMatchObject({ optIn: true, optOut: false });
      expect(analyse('voltar')).toMatchObject({ optIn: true });
    });
  });
});
