import { matchDepartment, normalizeForMatch } from './keyword-match';

const odonto = { id: 'd1', name: 'Odontologia', keywords: ['limpeza', 'canal', 'clareamento dental', 'implante'] };
const dermato = { id: 'd2', name: 'Dermatologia', keywords: ['botox', 'peeling', 'acne'] };
const estetica = { id: 'd3', name: 'Estética', keywords: ['clareamento'] };

describe('normalizeForMatch', () => {
  it('should drop accents, case and punctuation', () => {
    expect(normalizeForMatch('  Clareamento-Dental!  Ótimo ')).toBe('clareamento dental otimo');
  });
});

describe(matchDepartment.name, () => {
  it('should match a keyword ignoring accents and case', () => {
    expect(matchDepartment('Tratamento de CANAL', [odonto, dermato])).toBe(odonto);
    expect(matchDepartment('peeling químico', [odonto, dermato])).toBe(dermato);
    expect(matchDepartment('Acne', [odonto, { ...dermato, keywords: ['ácne'] }])?.id).toBe('d2');
  });

  it('should match whole words only', () => {
    expect(matchDepartment('canalete', [odonto])).toBeNull();
    expect(matchDepartment('implantes', [odonto])).toBeNull();
  });

  it('should prefer the longest (most specific) keyword', () => {
    expect(matchDepartment('clareamento dental a laser', [estetica, odonto])).toBe(odonto);
    expect(matchDepartment('clareamento de pele', [estetica, odonto])).toBe(estetica);
  });

  it('should break a tie by department name', () => {
    const a = { id: 'a', name: 'B Clínica', keywords: ['consulta'] };
    const b = { id: 'b', name: 'A Clínica', keywords: ['consulta'] };
    expect(matchDepartment('consulta', [a, b])).toBe(b);
  });

  it('should answer null without a procedure or a match', () => {
    expect(matchDepartment(null, [odonto])).toBeNull();
    expect(matchDepartment('   ', [odonto])).toBeNull();
    expect(matchDepartment('cardiologia', [odonto, dermato])).toBeNull();
    expect(matchDepartment('canal', [{ ...odonto, keywords: ['', '  '] }])).toBeNull();
  });
});
