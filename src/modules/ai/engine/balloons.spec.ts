import { splitIntoBalloons } from './balloons';

describe('splitIntoBalloons', () => {
  const sentence = (n: number) => `Esta é a frase de número ${n}, escrita para testar os balões do WhatsApp.`;

  it('should keep a short answer in one balloon', () => {
    expect(splitIntoBalloons('  Oi! Como posso ajudar?  ')).toEqual(['Oi! Como posso ajudar?']);
  });

  it('should return nothing for blank text', () => {
    expect(splitIntoBalloons(' \n\n ')).toEqual([]);
  });

  it('should split on paragraphs first', () => {
    const a = 'A limpeza dental custa R$ 180,00 e inclui profilaxia e aplicação de flúor. '.repeat(3).trim();
    const b = 'O clareamento a laser custa R$ 900,00 e é feito em duas sessões no consultório. '.repeat(3).trim();
    expect(splitIntoBalloons(`${a}\n\n${b}`, { softLimit: 300 })).toEqual([a, b]);
  });

  it('should split a long paragraph on sentence boundaries', () => {
    const text = Array.from({ length: 8 }, (_, i) => sentence(i + 1)).join(' ');
    const balloons = splitIntoBalloons(text, { softLimit: 300 });

    expect(balloons.length).toBeGreaterThan(1);
    expect(balloons.length).toBeLessThanOrEqual(3);
    for (const balloon of balloons) expect(balloon).toMatch(/^Esta é a frase .*WhatsApp\.$/);
    expect(balloons.join(' ')).toBe(text);
  });

  it('should never produce more than maxBalloons, growing balloons past the soft limit instead', () => {
    const text = Array.from({ length: 30 }, (_, i) => sentence(i + 1)).join('\n\n');
    const balloons = splitIntoBalloons(text, { maxBalloons: 3, softLimit: 300 });

    expect(balloons).toHaveLength(3);
    expect(balloons.join('\n\n')).toBe(text);
  });

  it('should respect a custom maxBalloons', () => {
    const text = Array.from({ length: 10 }, (_, i) => sentence(i + 1)).join(' ');
    expect(splitIntoBalloons(text, { maxBalloons: 2, softLimit: 100 })).toHaveLength(2);
    expect(splitIntoBalloons(text, { maxBalloons: 1, softLimit: 100 })).toEqual([text]);
  });

  it('should split a sentence without punctuation at word boundaries, never mid-word', () => {
    const words = Array.from({ length: 120 }, (_, i) => `palavra${i}`);
    const text = words.join(' ');
    const balloons = splitIntoBalloons(text, { softLimit: 300 });

    expect(balloons.length).toBeLessThanOrEqual(3);
    expect(balloons.flatMap((b) => b.split(' '))).toEqual(words);
    for (const balloon of balloons) expect(balloon.trim()).toBe(balloon);
  });

  it('should keep list lines together and not break after abbreviations', () => {
    const list = 'Valores:\n- Limpeza: R$ 180,00\n- Clareamento: R$ 900,00';
    const doctor = 'A Dra. Ana atende na Av. Paulista às terças. '.repeat(8).trim();
    const balloons = splitIntoBalloons(`${doctor}\n\n${list}`, { softLimit: 200 });

    expect(balloons[balloons.length - 1]).toBe(list);
    for (const balloon of balloons.slice(0, -1)) expect(balloon).toMatch(/^A Dra\. Ana/);
  });

  it('should never return an empty balloon', () => {
    const text = `${'x'.repeat(50)}\n\n\n\n${'y '.repeat(400)}\n\n   \n\nfim.`;
    const balloons = splitIntoBalloons(text, { softLimit: 120 });
    expect(balloons.length).toBeLessThanOrEqual(3);
    for (const balloon of balloons) expect(balloon.trim().length).toBeGreaterThan(0);
  });
});
