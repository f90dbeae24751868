import { contentProblems, renderTemplate, variablesIn } from './template-variables';

describe('template variables', () => {
  describe('variablesIn', () => {
    it('should list each variable once, in order of first use, allowing spaces inside the braces', () => {
      expect(variablesIn('Olá {{nome}}, até {{ data }} às {{hora}}. {{nome}}')).toEqual(['nome', 'data', 'hora']);
    });
  });

  describe('contentProblems', () => {
    it('should accept content with known variables or none', () => {
      expect(contentProblems('Olá {{nome}}, aqui é da {{clinica}}.')).toBeNull();
      expect(contentProblems('Bom dia!')).toBeNull();
    });

    it('should name unknown variables', () => {
      expect(contentProblems('Olá {{nomee}} {{Nome}} {{nome}}')).toEqual({ unknown: ['nomee', 'Nome'], malformed: false });
    });

    it.each(['Olá {{nome', 'Olá nome}}', 'Olá {{{nome}}}', 'Olá {{}}'])('should refuse the broken placeholder in %j', (content) => {
      const problems = contentProblems(content);
      expect(problems).not.toBeNull();
    });
  });

  describe('renderTemplate', () => {
    it('should fill every placeholder with the trimmed value', () => {
      expect(renderTemplate('Olá {{nome}}, sua consulta é {{ data }}.', { nome: ' Maria ', data: '25/11', hora: '10h' })).toEqual({
        ok: true,
        text: 'Olá Maria, sua consulta é 25/11.',
        used: ['nome', 'data'],
      });
    });

    it('should report missing and blank values and unknown names together', () => {
      expect(renderTemplate('{{nome}} {{data}} {{hora}}', { nome: 'Ana', data: '  ', medico: 'x' })).toEqual({
        ok: false,
        problems: { missing: ['data', 'hora'], unknown: ['medico'] },
      });
    });

    it('should not interpret $ patterns in values', () => {
      expect(renderTemplate('Valor: {{link}}', { link: "$& $1 $'" })).toMatchObject({ text: "Valor: $& $1 $'" });
    });
  });
});
