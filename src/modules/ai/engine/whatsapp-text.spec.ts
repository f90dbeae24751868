import { capLength, cutAtWord, splitSentences, toWhatsappText } from './whatsapp-text';

describe('toWhatsappText', () => {
  it.each([
    ['**negrito**', '*negrito*'],
    ['__itálico__', '_itálico_'],
    ['~~riscado~~', '~riscado~'],
    ['# Título', '*Título*'],
    ['### Preparo ###', '*Preparo*'],
    ['[mapa](https://maps.example/x)', 'mapa (https://maps.example/x)'],
    ['![foto](https://img.example/a.png)', 'foto'],
    ['* item', '- item'],
    ['texto\n\n\n\nmais', 'texto\n\nmais'],
    ['```\ncódigo\n```', 'código'],
    ['antes\n---\ndepois', 'antes\n\ndepois'],
    ['| Item | Valor |\n|---|---|\n| Limpeza | R$ 180 |', 'Item - Valor\n\nLimpeza - R$ 180'],
  ])('should turn %j into %j', (input, expected) => {
    expect(toWhatsappText(input)).toBe(expected);
  });

  it('should leave WhatsApp formatting and prices alone', () => {
    const text = '*Limpeza*: R$ 180,00\n- _à vista_';
    expect(toWhatsappText(text)).toBe(text);
  });
});

describe('splitSentences', () => {
  it('should split on sentence ends but not after abbreviations or before lowercase', () => {
    expect(splitSentences('A Dra. Ana atende. Fica na Av. Paulista, nº. 10! Quer marcar? ok... talvez')).toEqual([
      'A Dra. Ana atende.',
      'Fica na Av. Paulista, nº. 10!',
      'Quer marcar? ok... talvez',
    ]);
  });

  it('should not split decimal prices', () => {
    expect(splitSentences('Custa R$ 1.500,00. Parcelamos em 3x.')).toEqual(['Custa R$ 1.500,00.', 'Parcelamos em 3x.']);
  });
});

describe('capLength', () => {
  it('should keep text within the cap by dropping whole sentences', () => {
    const text = 'Primeira frase curta. Segunda frase também curta. Terceira frase que não cabe.';
    expect(capLength(text, 50)).toBe('Primeira frase curta. Segunda frase também curta.');
  });

  it('should keep paragraph breaks between kept sentences', () => {
    expect(capLength('Um.\n\nDois. Três frases aqui.', 12)).toBe('Um.\n\nDois.');
  });

  it('should cut a single long sentence at a word with an ellipsis', () => {
    const result = capLength('palavra '.repeat(20).trim(), 30);
    expect(result.length).toBeLessThanOrEqual(30);
    expect(result).toMatch(/^(palavra )+palavra…$/);
  });

  it('should return short text unchanged', () => {
    expect(capLength('  Oi!  ', 10)).toBe('Oi!');
    expect(cutAtWord('curto', 10)).toBe('curto');
  });
});
