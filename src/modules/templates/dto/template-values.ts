import { ApiPropertyOptions } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { TEMPLATE_VARIABLE_MAX_LENGTH, TEMPLATE_VARIABLE_NAMES } from '../template-variables';

const MAX_KEYS = 30;

export const TEMPLATE_VALUES_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { type: 'string', maxLength: TEMPLATE_VARIABLE_MAX_LENGTH },
  example: { nome: 'Maria', data: '25/11/2026', hora: '14h30' },
  description:
    `Values of the template’s variables (allowed names: ${TEMPLATE_VARIABLE_NAMES.join(', ')}); strings of at most ` +
    `${TEMPLATE_VARIABLE_MAX_LENGTH} characters. Missing or unknown names answer 400 TEMPLATE_VARIABLES_INVALID listing them.`,
};

/** The shape only (an object of strings); which names are allowed and needed is the template's business. */
export function templateValuesProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object of strings';
  const entries = Object.entries(value);
  if (entries.length > MAX_KEYS) return `must have at most ${MAX_KEYS} keys`;
  for (const [key, item] of entries) {
    if (typeof item !== 'string') return `values must be strings (key "${key}")`;
    if (item.length > TEMPLATE_VARIABLE_MAX_LENGTH) return `values must be at most ${TEMPLATE_VARIABLE_MAX_LENGTH} characters (key "${key}")`;
  }
  return null;
}

export function IsTemplateValues(): PropertyDecorator {
  return ValidateBy({
    name: 'isTemplateValues',
    validator: {
      validate: (value: unknown) => templateValuesProblem(value) === null,
      defaultMessage: (args) => `${args?.property ?? 'variables'} ${templateValuesProblem(args?.value) ?? ''}`,
    },
  });
}
