import { ValidateBy, ValidationOptions } from 'class-validator';

type Comparable = (value: unknown) => number | null;

const asNumber: Comparable = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const asDate: Comparable = (value) => {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? null : time;
};

/**
 * `@NotLessThan('min_score', 'number')` on `max_score`: an empty range is a client mistake, not an empty
 * page. Values the other validators reject are left to them.
 */
export function NotLessThan(property: string, kind: 'number' | 'date', options?: ValidationOptions): PropertyDecorator {
  const comparable = kind === 'number' ? asNumber : asDate;
  return ValidateBy(
    {
      name: 'notLessThan',
      constraints: [property],
      validator: {
        validate: (value: unknown, args) => {
          const end = comparable(value);
          const start = comparable((args?.object as Record<string, unknown>)[property]);
          return end === null || start === null || end >= start;
        },
        defaultMessage: (args) => `${args?.property ?? 'value'} must not be ${kind === 'date' ? 'before' : 'less than'} ${property}`,
      },
    },
    options,
  );
}
