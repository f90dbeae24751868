import { ValidateBy, ValidationArguments } from 'class-validator';

/** The property must differ from `other` (e.g. a merge's target from its source). */
export function NotEqualTo(other: string): PropertyDecorator {
  return ValidateBy({
    name: 'notEqualTo',
    constraints: [other],
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => value !== (args?.object as Record<string, unknown> | undefined)?.[other],
      defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'value'} must differ from ${other}`,
    },
  });
}
