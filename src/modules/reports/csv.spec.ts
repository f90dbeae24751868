import { csvCell, csvRow } from './csv';

describe('csv', () => {
  describe('csvCell', () => {
    it('should leave plain text and numbers as they are', () => {
      expect(csvCell('Maria da Silva')).toBe('Maria da Silva');
      expect(csvCell(87)).toBe('87');
      expect(csvCell(0)).toBe('0');
    });

    it('should write null and undefined as an empty cell', () => {
      expect(csvCell(null)).toBe('');
      expect(csvCell(undefined)).toBe('');
    });

    it('should quote cells with commas, quotes or line breaks and double the quotes', () => {
      expect(csvCell('Silva, Maria')).toBe('"Silva, Maria"');
      expect(csvCell('Maria "Mari" Silva')).toBe('"Maria ""Mari"" Silva"');
      expect(csvCell('linha 1\nlinha 2')).toBe('"linha 1\nlinha 2"');
      expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    });

    it.each(['=1+1', '+5511987654321', '-2+3', '@SUM(A1:A2)', '\t=cmd', '\r=cmd'])('should neutralise a formula-like cell %j', (value) => {
      expect(csvCell(value).replace(/^"/, '')).toMatch(new RegExp(`^'${value.replace(/[+\\^$()]/g, '\\$&')}`));
    });

    it('should neutralise and quote a formula with a comma', () => {
      expect(csvCell('=HYPERLINK("http://x", "y")')).toBe('"\'=HYPERLINK(""http://x"", ""y"")"');
    });

    it('should not neutralise a negative number passed as a number', () => {
      expect(csvCell(-1)).toBe('-1');
    });
  });

  describe('csvRow', () => {
    it('should join the cells with commas and end with CRLF', () => {
      expect(csvRow(['a', null, 3, 'b,c'])).toBe('a,,3,"b,c"\r\n');
    });
  });
});
