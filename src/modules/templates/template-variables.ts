/**
 * The variables a template may use, as `{{nome}}` (spaces inside the braces are allowed). A closed set, so a
 * typo such as `{{nomee}}` is refused when the template is saved instead of reaching a patient.
 */
export const TEMPLATE_VARIABLES = {
  nome: 'Patient’s name (filled from the contact when sending)',
  primeiro_nome: 'Patient’s first name (filled from the contact when sending)',
  clinica: 'Clinic name (filled from the organization when sending)',
  data: 'A date, e.g. 25/11/2026',
  hora: 'A time, e.g. 14h30',
  procedimento: 'Procedure, e.g. limpeza',
  profissional: 'Professional, e.g. Dra. Ana',
  endereco: 'Address',
  telefone: 'Phone number',
  link: 'A link, e.g. to confirm the appointment',
} as const;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export const TEMPLATE_VARIABLE_NAMES = Object.keys(TEMPLATE_VARIABLES) as TemplateVariable[];
export const TEMPLATE_VARIABLE_MAX_LENGTH = 500;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function isTemplateVariable(name: string): name is TemplateVariable {
  return Object.prototype.hasOwnProperty.call(TEMPLATE_VARIABLES, name);
}

export interface ContentProblems {
  unknown: string[];
  /** A `{{` or `}}` left over once every placeholder is taken out, or triple braces: a broken placeholder. */
  malformed: boolean;
}

/** The distinct variables the content uses, in order of first use. */
export function variablesIn(content: string): string[] {
  return [...new Set([...content.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

export function contentProblems(content: string): ContentProblems | null {
  const unknown = variablesIn(content).filter((name) => !isTemplateVariable(name));
  const malformed = /\{\{|\}\}/.test(content.replace(PLACEHOLDER, '')) || /\{\{\{|\}\}\}/.test(content);
  return unknown.length > 0 || malformed ? { unknown, malformed } : null;
}

export interface RenderProblems {
  missing: string[];
  unknown: string[];
}

export type RenderResult = { ok: true; text: string; used: string[] } | { ok: false; problems: RenderProblems };

/**
 * Fills every placeholder. Values are trimmed; a blank value counts as missing. A value given for a variable
 * the content does not use is fine (a client may send the same set to every template), unless it is not a
 * template variable at all.
 */
export function renderTemplate(content: string, values: Record<string, string>): RenderResult {
  const used = variablesIn(content);
  const unknown = Object.keys(values).filter((name) => !isTemplateVariable(name));
  const missing = used.filter((name) => !(values[name] ?? '').trim());
  if (unknown.length > 0 || missing.length > 0) return { ok: false, problems: { missing, unknown } };
  const text = content.replace(PLACEHOLDER, (_match, name: string) => values[name].trim());
  return { ok: true, text, used };
}
