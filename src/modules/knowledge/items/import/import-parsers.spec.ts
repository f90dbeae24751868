import { KNOWLEDGE_IMPORT_MAX_BYTES, KNOWLEDGE_IMPORT_MAX_ITEMS } from '../../knowledge.constants';
import { parseCsvItems } from './csv-items';
import { categoryFromName, parseJsonItems } from './import-source';
import { validateItems } from './knowledge-import.service';
import { parseMarkdownItems } from './markdown-items';

describe('categoryFromName', () => {
  it.each([
    ['prices', 'prices'],
    ['Preços', 'prices'],
    ['  CONVÊNIOS ', 'insurance'],
    ['Perguntas frequentes', 'faq'],
    ['Horário de funcionamento', 'hours'],
    ['receitas', null],
  ])('should read %j as %j', (name, category) => {
    expect(categoryFromName(name)).toBe(category);
  });
});

describe('parseJsonItems', () => {
  it('should take an array or its text, resolving category names', () => {
    const items = parseJsonItems([{ title: 'A', content: 'a', category: 'Preços' }, 'oops']);
    expect(items).toEqual([
      { ref: { item: 0 }, input: { title: 'A', content: 'a', category: 'prices' }, errors: [] },
      { ref: { item: 1 }, input: {}, errors: ['item must be an object with title, content and category'] },
    ]);
    expect(parseJsonItems('[{"title":"B","content":"b","category":"faq"}]')[0].input).toEqual({ title: 'B', content: 'b', category: 'faq' });
  });

  it.each([
    ['unreadable text', '[{"title":'],
    ['an object', { title: 'A' }],
  ])('should answer KNOWLEDGE_IMPORT_INVALID for %s', (_label, source) => {
    expect(() => parseJsonItems(source)).toThrow(expect.objectContaining({ code: 'KNOWLEDGE_IMPORT_INVALID' }));
  });

  it('should answer KNOWLEDGE_IMPORT_TOO_LARGE past the item limit', () => {
    const items = Array.from({ length: KNOWLEDGE_IMPORT_MAX_ITEMS + 1 }, () => ({}));
    expect(() => parseJsonItems(items)).toThrow(expect.objectContaining({ code: 'KNOWLEDGE_IMPORT_TOO_LARGE' }));
  });
});

describe('parseCsvItems', () => {
  it('should read Portuguese headers, ; delimiters, quoted line breaks, tags and the active flag, by file line', () => {
    const csv = '\ufefftítulo;resposta;categoria;tags;ativo\r\nEstacionamento;"Linha 1\r\nLinha 2";Localização;carro, vaga;sim\r\n\r\nPix;Aceitamos Pix.;preços;;não\r\n';
    expect(parseCsvItems(csv)).toEqual([
      { ref: { line: 2 }, input: { title: 'Estacionamento', content: 'Linha 1\nLinha 2', category: 'location', tags: ['carro', 'vaga'], active: true }, errors: [] },
      { ref: { line: 5 }, input: { title: 'Pix', content: 'Aceitamos Pix.', category: 'prices', active: false }, errors: [] },
    ]);
  });

  it('should report a bad active value and extra cells on the row', () => {
    const [bad, extra] = parseCsvItems('title,content,category,active\nA,a,faq,talvez\nB,b,faq,sim,x\n');
    expect(bad.errors).toEqual(['active must be sim/não, true/false or 1/0']);
    expect(extra.errors).toEqual(['row has 5 cells but the header has 4']);
  });

  it.each([
    ['an empty file', '\n\n'],
    ['a header without category', 'title,content\nA,a\n'],
    ['a header naming a field twice', 'title,titulo,content,category\n'],
    ['an unclosed quote', 'title,content,category\n"A,a,faq\n'],
  ])('should answer KNOWLEDGE_IMPORT_INVALID for %s', (_label, csv) => {
    expect(() => parseCsvItems(csv)).toThrow(expect.objectContaining({ code: 'KNOWLEDGE_IMPORT_INVALID' }));
  });

  it('should answer KNOWLEDGE_IMPORT_TOO_LARGE past the size limit', () => {
    expect(() => parseCsvItems(`title,content,category\n${'x'.repeat(KNOWLEDGE_IMPORT_MAX_BYTES)}`)).toThrow(
      expect.objectContaining({ code: 'KNOWLEDGE_IMPORT_TOO_LARGE' }),
    );
  });
});

describe('parseMarkdownItems', () => {
  const markdown = [
    '# Base de conhecimento', //                 1 (not a category: resets it)
    'Texto de introdução ignorado.', //          2
    '',
    '# Preços', //                               4
    '',
    '## Limpeza dental', //                      6
    'Limpeza com flúor: R$ 180,00.',
    '',
    '## Clareamento', //                          9
    'Categoria: serviços',
    'Tags: estética, dentes',
    'Clareamento a laser em 3 sessões.',
    'Categoria: isto já é conteúdo',
    '```',
    '## não é título',
    '```',
    '# FAQ', //                                  17
    '## Vocês atendem crianças?', //             18
    'Sim, a partir de 3 anos.',
    '## Item ruim', //                           20
    'Category: receitas',
    'Texto.',
  ].join('\n');

  it('should make one item per ## section with its category, tags and body', () => {
    const items = parseMarkdownItems(markdown);
    expect(items.map((item) => [item.ref, item.input.title, item.input.category, item.errors.length])).toEqual([
      [{ line: 6 }, 'Limpeza dental', 'prices', 0],
      [{ line: 9 }, 'Clareamento', 'services', 0],
      [{ line: 18 }, 'Vocês atendem crianças?', 'faq', 0],
      [{ line: 20 }, 'Item ruim', null, 1],
    ]);
    expect(items[1].input).toMatchObject({
      tags: ['estética', 'dentes'],
      content: 'Clareamento a laser em 3 sessões.\nCategoria: isto já é conteúdo\n```\n## não é título\n```',
    });
    expect(items[3].errors[0]).toMatch(/^category "receitas" is unknown/);
  });

  it('should ask for a category when none applies', () => {
    const [item] = parseMarkdownItems('## Sem categoria\nTexto.');
    expect(item.errors).toEqual(['category is missing: add a "Category: x" line under the title or a "# Category" heading above it']);
  });

  it('should answer KNOWLEDGE_IMPORT_INVALID without any ## section', () => {
    expect(() => parseMarkdownItems('# Preços\nTexto solto.')).toThrow(expect.objectContaining({ code: 'KNOWLEDGE_IMPORT_INVALID' }));
  });
});

describe('validateItems', () => {
  it('should accept valid items, report invalid ones by reference with every message, and refuse repeated titles', () => {
    const result = validateItems([
      { ref: { line: 2 }, input: { title: 'Pix', content: 'Aceitamos Pix.', category: 'prices', tags: [' PIX '] }, errors: [] },
      { ref: { line: 3 }, input: { title: 'Sem conteúdo', content: '', category: 'chocolate' }, errors: [] },
      { ref: { line: 4 }, input: { title: 'PIX', content: 'Outro.', category: 'faq' }, errors: [] },
      { ref: { line: 5 }, input: { title: 'Com erro de estrutura', content: 'x', category: 'faq' }, errors: ['row has 5 cells but the header has 4'] },
      { ref: { item: 6 }, input: { title: 'Extra', content: 'x', category: 'faq', organization_id: 'x' }, errors: [] },
      { ref: { item: 7 }, input: {}, errors: [] },
    ]);
    expect(result.accepted).toEqual([{ title: 'Pix', content: 'Aceitamos Pix.', category: 'prices', tags: ['pix'], active: undefined }]);
    expect(result.errors).toEqual([
      { line: 3, title: 'Sem conteúdo', message: expect.stringMatching(/content must be longer than or equal to 1 characters; category must be one of: services, prices/) },
      { line: 4, title: 'PIX', message: 'title repeats line 2; only the first item of a title is imported' },
      { line: 5, title: 'Com erro de estrutura', message: 'row has 5 cells but the header has 4' },
      { item: 6, title: 'Extra', message: 'property organization_id should not exist' },
      { item: 7, message: expect.stringMatching(/^title must be longer than or equal to 1 characters; title must be a string; content/) },
    ]);
  });
});
