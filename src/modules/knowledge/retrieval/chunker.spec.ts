import { CHUNK_MAX_CHARS, chunkItem } from './chunker';

const paragraph = (words: number, seed = 'palavra'): string => Array.from({ length: words }, (_, i) => `${seed}${i}`).join(' ') + '.';
const squash = (text: string): string => text.replace(/\s+/g, '');

describe('chunkItem', () => {
  it('should keep a short item in one chunk, prefixed by its title', () => {
    expect(chunkItem('Estacionamento', 'Temos convênio com o estacionamento ao lado.')).toEqual([
      { ordinal: 0, body: 'Temos convênio com o estacionamento ao lado.', content: 'Estacionamento\n\nTemos convênio com o estacionamento ao lado.' },
    ]);
  });

  it('should cut between paragraphs and keep each chunk within the size limit', () => {
    const content = Array.from({ length: 6 }, (_, i) => paragraph(40, `p${i}w`)).join('\n\n');
    const chunks = chunkItem('Preparo', content);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.body.length).toBeLessThanOrEqual(CHUNK_MAX_CHARS);
      expect(chunk.content.startsWith('Preparo\n\n')).toBe(true);
      // Paragraphs are never split when they fit: each chunk starts a paragraph.
      expect(chunk.body).toMatch(/^p\dw0 /);
    }
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual(chunks.map((_, i) => i));
  });

  it('should lose no content and keep its order', () => {
    const content = [paragraph(200, 'a'), 'linha 1\nlinha 2', paragraph(30, 'b'), `${'x'.repeat(2000)} fim`].join('\n\n');
    const chunks = chunkItem('T', content);
    expect(squash(chunks.map((chunk) => chunk.body).join(''))).toBe(squash(content));
  });

  it('should split a long paragraph on sentence boundaries', () => {
    const sentences = Array.from({ length: 30 }, (_, i) => `Frase número ${i} com algumas palavras para encher o texto.`);
    const chunks = chunkItem('FAQ', sentences.join(' '));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.body).toMatch(/^Frase número \d+ .*\.$/s);
  });

  it('should cut a huge unbroken word rather than exceed the limit', () => {
    const chunks = chunkItem('URL', 'y'.repeat(3000));
    expect(chunks.every((chunk) => chunk.body.length <= CHUNK_MAX_CHARS)).toBe(true);
    expect(chunks.map((chunk) => chunk.body).join('')).toBe('y'.repeat(3000));
  });

  it('should fold a tiny tail into the previous chunk', () => {
    const first = `${'palavra '.repeat(99)}fim.`;
    expect(first.length).toBe(796);
    const chunks = chunkItem('T', `${first}\n\nFim do texto.`);
    expect(chunks).toHaveLength(1);
    expect(chunks[0].body).toBe(`${first}\n\nFim do texto.`);
  });

  it('should give a shorter body budget to a long title, but never below 400 characters', () => {
    const title = 't'.repeat(200);
    const chunks = chunkItem(title, paragraph(300));
    expect(Math.max(...chunks.map((chunk) => chunk.body.length))).toBeLessThanOrEqual(CHUNK_MAX_CHARS - 202);
    expect(chunks[0].body.length).toBeGreaterThan(400);
  });

  it('should normalise Windows line endings', () => {
    expect(chunkItem('T', 'a\r\n\r\nb')[0].body).toBe('a\n\nb');
  });
});
