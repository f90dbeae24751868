import { normalizeQuestion } from './normalize-question';

describe(normalizeQuestion.name, () => {
  it.each([
    ['Qual o VALOR da consulta?', 'qual o valor da consulta'],
    ['  qual   o valor\nda consulta  ', 'qual o valor da consulta'],
    ['Vocês atendem à noite? Até que horas?!', 'voces atendem a noite ate que horas'],
    ['Aceitam convênio (Unimed/Amil)...', 'aceitam convenio unimed amil'],
    ['Endereço: Rua São João, 123 – 2º andar', 'endereco rua sao joao 123 2º andar'],
    ['Preço 😀 da limpeza', 'preco da limpeza'],
    ['ÇÃÕ ñ', 'cao n'],
  ])('should normalise %j to %j', (question, expected) => {
    expect(normalizeQuestion(question)).toBe(expected);
  });

  it('should map spelling variants of one question to the same text', () => {
    const variants = ['Qual o horário de funcionamento?', 'qual o horario de funcionamento', 'QUAL O HORÁRIO DE FUNCIONAMENTO!!!', 'Qual o horário, de funcionamento ?'];
    expect(new Set(variants.map(normalizeQuestion)).size).toBe(1);
  });
});
