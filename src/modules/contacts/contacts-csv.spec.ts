import { detectDelimiter, headerKey, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, mapColumns, parseContactsCsv, toIsoDate } from './contacts-csv';

describe('detectDelimiter', () => {
  it.each([
    ['nome;telefone;email\nAna;1,5;x', ';'],
    ['name,phone,email\nAna;Bia,1,x', ','],
    ['name\tphone\nAna\t1', '\t'],
    ['"Nome, completo";telefone\nAna;1', ';'],
    ['\n\nnome;telefone', ';'],
    ['name', ','],
  ])('should read %j as %j', (csv, expected) => {
    expect(detectDelimiter(csv)).toBe(expected);
  });
});

describe('headerKey', () => {
  it.each([
    ['Data de Nascimento', 'data_de_nascimento'],
    ['E-mail', 'e_mail'],
    ['  Observações ', 'observacoes'],
    ['TELEFONE', 'telefone'],
    ['birth_date', 'birth_date'],
  ])('should turn %j into %j', (header, expected) => {
    expect(headerKey(header)).toBe(expected);
  });
});

describe('mapColumns', () => {
  it('should map Portuguese and English aliases whatever their case or accents, and keep other columns as attributes', () => {
    expect(mapColumns(['NOME', 'Celular', 'E-mail', 'Nascimento', 'Observações', 'Convênio', ''])).toEqual([
      { field: 'name' },
      { field: 'phone' },
      { field: 'email' },
      { field: 'birth_date' },
      { field: 'notes' },
      { attribute: 'Convênio' },
      null,
    ]);
  });

  it('should refuse a header without name or phone', () => {
    expect(() => mapColumns(['name', 'email'])).toThrow(expect.objectContaining({ code: 'CONTACT_IMPORT_INVALID_CSV', details: { missing: ['phone'] } }));
  });

  it('should refuse two columns holding the same field', () => {
    expect(() => mapColumns(['nome', 'telefone', 'whatsapp'])).toThrow(expect.objectContaining({ code: 'CONTACT_IMPORT_INVALID_CSV' }));
  });

  it('should refuse a repeated extra column, ignoring case', () => {
    expect(() => mapColumns(['nome', 'telefone', 'Plano', 'plano'])).toThrow(expect.objectContaining({ code: 'CONTACT_IMPORT_INVALID_CSV' }));
  });

  it('should refuse an extra column name longer than an attribute key may be', () => {
    expect(() => mapColumns(['nome', 'telefone', 'x'.repeat(65)])).toThrow(expect.objectContaining({ code: 'CONTACT_IMPORT_INVALID_CSV' }));
  });

  it('should refuse more extra columns than a contact may have attributes', () => {
    const extra = Array.from({ length: 51 }, (_, i) => `campo ${i}`);
    expect(() => mapColumns(['nome', 'telefone', ...extra])).toThrow(expect.objectContaining({ details: { extra_columns: 51 } }));
  });
});

describe('toIsoDate', () => {
  it.each([
    ['05/03/1978', '1978-03-05'],
    ['5/3/1978', '1978-03-05'],
    ['1978-03-05', '1978-03-05'],
    ['03-05-1978', '03-05-1978'],
  ])('should turn %j into %j', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });
});

describe('parseContactsCsv', () => {
  it('should number rows by the file line they start on, across BOM, CRLF, blank lines and quoted line breaks', () => {
    const csv = '\ufeffnome;telefone;obs\r\n\r\nAna;11987654321;"linha 1\r\nlinha 2"\r\n;;\r\nBia;11987654322;x\r\n';
    const rows = parseContactsCsv(csv);
    expect(rows.map((row) => [row.line, row.input.name, row.input.notes])).toEqual([
      [3, 'Ana', 'linha 1\nlinha 2'],
      [6, 'Bia', 'x'],
    ]);
  });

  it('should trim cells, drop empty ones and gather extra columns as custom attributes', () => {
    const [row] = parseContactsCsv('name,phone,email,Convênio,Plano\n  Ana  , 11987654321 ,, Unimed ,\n');
    expect(row).toEqual({ line: 2, input: { name: 'Ana', phone: '11987654321', custom_attributes: { Convênio: 'Unimed' } }, errors: [] });
  });

  it('should convert Brazilian dates in the birth date column only', () => {
    const [row] = parseContactsCsv('nome;telefone;nascimento;retorno\nAna;1;12/04/1985;01/02/2027\n');
    expect(row.input).toMatchObject({ birth_date: '1985-04-12', custom_attributes: { retorno: '01/02/2027' } });
  });

  it('should accept short rows and refuse rows with more filled cells than the header', () => {
    const rows = parseContactsCsv('name,phone,plano\nAna,1\nBia,2,Ouro,,\nCaio,3,Ouro,extra\n');
    expect(rows.map((row) => row.errors.length)).toEqual([0, 0, 1]);
    expect(rows[2].errors[0]).toEqual({ field: 'row', errors: ['row has 4 cells but the header has 3'] });
  });

  it('should keep a semicolon inside a comma-separated cell', () => {
    const [row] = parseContactsCsv('name,phone,notes\nAna,1,alergia; asma\n');
    expect(row.input.notes).toBe('alergia; asma');
  });

  it('should answer 413 past the size limit before parsing', () => {
    const csv = `name,phone\n${'x'.repeat(IMPORT_MAX_BYTES)}`;
    expect(() => parseContactsCsv(csv)).toThrow(expect.objectContaining({ code: 'CONTACT_IMPORT_TOO_LARGE', details: { max_bytes: IMPORT_MAX_BYTES } }));
  });

  it('should answer 413 past the row limit', () => {
    const csv = ['name,phone', ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `P${i},${i}`)].join('\n');
    expect(() => parseContactsCsv(csv)).toThrow(expect.objectContaining({ code: 'CONTACT_IMPORT_TOO_LARGE', details: { max_rows: IMPORT_MAX_ROWS, rows: IMPORT_MAX_ROWS + 1 } }));
  });

  it('should accept exactly the row limit', () => {
    const csv = ['name,phone', ...Array.from({ length: IMPORT_MAX_ROWS }, (_, i) => `P${i},${i}`)].join('\n');
    expect(parseContactsCsv(csv)).toHaveLength(IMPORT_MAX_ROWS);
  });

  it.each([
    ['an empty file', ' \n\n'],
    ['an unclosed quote', 'name,phone\n"Ana,1\n'],
    ['a header without phone', 'name;email\nAna;a@b.c\n'],
  ])('should answer 400 CONTACT_IMPORT_INVALID_CSV for %s', (_label, csv) => {
    expect(() => parseContactsCsv(csv)).toThrow(expect.objectContaining({ code: 'CONTACT_IMPORT_INVALID_CSV' }));
  });

  it('should answer no rows for a header alone', () => {
    expect(parseContactsCsv('name,phone\n')).toEqual([]);
  });
});
