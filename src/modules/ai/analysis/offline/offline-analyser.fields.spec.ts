import { TurnAnalysis } from 'src/modules/ai/analysis/turn-analysis';
import { OfflineAnalyser } from './offline-analyser';

describe(`${OfflineAnalyser.name} fields`, () => {
  const sut = new OfflineAnalyser();
  const analyse = (...burst: string[]): TurnAnalysis => sut.analyse({ burst });

  describe('patientName', () => {
    it.each([
      [['meu nome é Carla Souza e queria marcar um retorno'], 'Carla Souza'],
      [['meu nome é ana paula'], 'Ana Paula'],
      [['me chamo Ricardo'], 'Ricardo'],
      [['aqui é o joão', 'quero agendar'], 'João'],
      [['aqui quem fala é a Rosa'], 'Rosa'],
      [['sou a Carol, quanto custa o peeling?'], 'Carol'],
      [['Sou o Tiago, marido da Paula, queria remarcar a consulta dela'], 'Tiago'],
      [['Bom dia, gostaria de agendar uma consulta.', 'Att, Marcos Lima'], 'Marcos Lima'],
      [['Meu nome é Maria da Silva'], 'Maria da Silva'],
    ])('should read the sender’s own name from %j', (burst, name) => {
      expect(analyse(...burst).patientName).toBe(name);
    });

    it.each([
      [['queria marcar pro meu filho Pedro']],
      [['minha esposa se chama Joana, ela quer marcar uma consulta']],
      [['aqui é a mãe da Luiza']],
      [['sou paciente nova']],
      [['Olá! Sou representante comercial']],
      [['a Dra Renata pode me ligar?']],
    ])('should not take a relative, a doctor or a role for the sender in %j', (burst) => {
      expect(analyse(...burst).patientName).toBeNull();
    });

    it('should read a bare answer to the bot’s name question', () => {
      const history = [{ direction: 'outbound' as const, body: 'Claro! Qual é o seu nome?' }];
      expect(sut.analyse({ burst: ['Beatriz Ramos'], history }).patientName).toBe('Beatriz Ramos');
      expect(sut.analyse({ burst: ['Beatriz Ramos'], history: [] }).patientName).toBeNull();
    });
  });

  describe('preferredTime', () => {
    it.each([
      [['queria agendar limpeza pra semana que vem'], 'semana que vem'],
      [['posso agendar pra terça às 9h?'], 'terça às 9h'],
      [['quero marcar consulta dia 10/12 as 14h'], 'dia 10/12 as 14h'],
      [['tem algum horario depois das 18h?'], 'depois das 18h'],
      [['consigo um encaixe hoje a tarde?'], 'hoje a tarde'],
      [['tenho disponibilidade quinta ou sexta de manhã'], 'quinta ou sexta de manhã'],
      [['oi! vou casar dia 20', 'qro marcar o clareamento o quanto antes'], 'o quanto antes'],
      [['queria agendar uma consulta pra minha mae', 'ela so pode nas quartas'], 'quartas'],
    ])('should read %j as %j', (burst, time) => {
      expect(analyse(...burst).preferredTime).toBe(time);
    });

    it.each([
      [['preciso cancelar a consulta de amanhã']],
      [['desmarca pra mim a sessão de segunda pf']],
      [['tenho horário amanhã às 10h, tudo certo?']],
      [['to sangrando ate agora']],
      [['esperei 1h e meia ontem']],
      [['a dor começou faz 3 semanas']],
      [['não é pra agora, só pra ir me planejando, quanto custa?']],
    ])('should not take the moved/cancelled slot, a past time or a duration in %j as a preference', (burst) => {
      expect(analyse(...burst).preferredTime).toBeNull();
    });

    it('should keep the new slot of a reschedule and drop the old one', () => {
      expect(analyse('da pra trocar meu horario de quinta pra sexta?').preferredTime).toBe('sexta');
      expect(analyse('tenho horário amanhã às 10h', 'consigo remarcar pra sexta?').preferredTime).toBe('sexta');
    });
  });

  describe('procedure', () => {
    it.each([
      [['qual o valor da limpeza de pele?'], 'limpeza de pele'],
      [['queria fazer clareamento dental'], 'clareamento dental'],
      [['vcs fazem implante? quanto custa mais ou menos?'], 'implante'],
      [['queria marcar uma consulta de rotina'], 'consulta de rotina'],
      [['quero marcar avaliação pro aparelho'], 'avaliação pro aparelho'],
      [['tem pediatra hoje à tarde?'], 'consulta pediátrica'],
      [['preciso de uma consulta'], 'consulta'],
    ])('should read %j as %j', (burst, procedure) => {
      expect(analyse(...burst).procedure).toBe(procedure);
    });

    it('should not take a symptom, a person or a specialty question for a procedure', () => {
      expect(analyse('to com dor de dente').procedure).toBeNull();
      expect(analyse('vcs fazem oq? psicologia?').procedure).toBeNull();
      expect(analyse('queria marcar a consulta da Manu').procedure).toBe('consulta');
    });
  });

  describe('symptoms', () => {
    it('should list the symptoms in the patient’s words', () => {
      expect(analyse('to com febre e dor de garganta').symptoms).toEqual(['febre', 'dor de garganta']);
      expect(analyse('não tenho dor, só quero limpeza').symptoms).toEqual([]);
    });
  });

  describe('objections', () => {
    it.each([
      ['achei meio caro, tem desconto?', ['price']],
      ['tô sem grana esse mês, tem como parcelar em 10x?', ['price']],
      ['fica meio longe pra mim, vcs tem outra unidade?', ['distance']],
      ['moro em outra cidade', ['distance']],
      ['tenho muito medo de dentista', ['fear']],
      ['quero fazer harmonização mas tenho medo de ficar artificial', ['fear']],
      ['é caro e longe, e eu tenho pavor de agulha', ['price', 'distance', 'fear']],
      ['to com medo de ter infeccionado', []],
      ['quero agendar uma limpeza', []],
    ])('should read the objections in %j', (message, objections) => {
      expect(analyse(message).objections).toEqual(objections);
    });
  });

  describe('sentiment', () => {
    it.each([
      ['obrigada pelo atendimento de hoje, amei!', 'positive'],
      ['o atendimento ontem foi péssimo', 'negative'],
      ['to com muita falta de ar', 'negative'],
      ['qual o endereço?', 'neutral'],
    ])('should read %j as %s', (message, sentiment) => {
      expect(analyse(message).sentiment).toBe(sentiment);
    });
  });
});
