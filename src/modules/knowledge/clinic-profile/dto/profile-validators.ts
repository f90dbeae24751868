import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { TimeInterval } from '../../business-hours/business-hours.types';
import { intervalsProblem } from '../../business-hours/time-of-day';

export const HH_MM_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const HH_MM_OR_MIDNIGHT_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export function calendarDateProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'must be a date as YYYY-MM-DD';
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? null : 'must be a real calendar date';
}

/** `YYYY-MM-DD`, a date that exists. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => calendarDateProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'date'} ${calendarDateProblem(args?.value) ?? 'is invalid'}`,
      },
    },
    options,
  );
}

/** A day's intervals: each starts before it ends and none overlaps another (formats are checked per field). */
export function IsDayIntervals(options?: ValidationOptions): PropertyDecorator {
  const problem = (value: unknown): string | null =>
    Array.isArray(value) ? intervalsProblem(value.filter((item): item is TimeInterval => typeof item === 'object' && item !== null)) : null;
  return ValidateBy(
    {
      name: 'isDayIntervals',
      validator: {
        validate: (value: unknown) => problem(value) === null,
        defaultMessage: (args?: ValidationArguments) => problem(args?.value) ?? `${args?.property ?? 'intervals'} are invalid`,
      },
    },
    options,
  );
}

/** For `@ArrayUnique(caseInsensitive)`: "Unimed" and "unimed" are the same entry. */
export const caseInsensitive = (value: unknown): unknown => (typeof value === 'string' ? value.trim().toLocaleLowerCase('pt-BR') : value);

/** For `@ArrayUnique(byKey('date'))` over arrays of objects. */
export const byKey =
  (key: string) =>
  (value: unknown): unknown =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : value;
