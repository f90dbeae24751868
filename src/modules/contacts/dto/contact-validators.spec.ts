import { birthDateProblem, customAttributesProblem } from './contact-validators';

describe('birthDateProblem', () => {
  it.each(['1985-04-12', '2000-02-29', '1900-01-01'])('should accept %s', (value) => {
    expect(birthDateProblem(value)).toBeNull();
  });

  it('should accept today, wherever the clinic is', () => {
    expect(birthDateProblem(new Date().toISOString().slice(0, 10))).toBeNull();
  });

  it.each([
    ['12/04/1985', 'must be a date as YYYY-MM-DD'],
    ['1985-4-12', 'must be a date as YYYY-MM-DD'],
    [19850412, 'must be a date as YYYY-MM-DD'],
    ['2001-02-29', 'must be a real calendar date'],
    ['1985-13-01', 'must be a real calendar date'],
    ['1899-12-31', 'must not be before 1900-01-01'],
    ['2999-01-01', 'must not be in the future'],
  ])('should refuse %j: %s', (value, problem) => {
    expect(birthDateProblem(value)).toBe(problem);
  });
});

describe('customAttributesProblem', () => {
  it('should accept a flat object of scalars and null', () => {
    expect(customAttributesProblem({ plano: 'Ouro', consultas: 3, ativo: true, indicacao: null })).toBeNull();
    expect(customAttributesProblem({})).toBeNull();
  });

  it.each([
    ['null', null, 'must be an object'],
    ['an array', ['a'], 'must be an object'],
    ['a string', 'plano', 'must be an object'],
    ['a nested object', { plano: { nome: 'Ouro' } }, 'values must be a string, number, boolean or null (key "plano")'],
    ['an array value', { tags: ['a'] }, 'values must be a string, number, boolean or null (key "tags")'],
    ['a blank key', { ' ': 'x' }, 'keys must be 1 to 64 characters (got " ")'],
    ['51 keys', Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])), 'must have at most 50 keys'],
    ['more than 8 KB', { a: 'x'.repeat(8200) }, 'must be at most 8192 bytes as JSON'],
  ])('should refuse %s', (_label, value, problem) => {
    expect(customAttributesProblem(value)).toBe(problem);
  });

  it('should count bytes, not characters, against the size limit', () => {
    expect(customAttributesProblem({ a: 'ç'.repeat(4100) })).toBe('must be at most 8192 bytes as JSON');
  });
});
