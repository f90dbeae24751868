import { ValidateBy, ValidateIf, ValidationArguments, ValidationOptions } from 'class-validator';
import { normalizePhone } from '../phone-number';

export type CustomAttributeValue = string | number | boolean | null;
export type CustomAttributes = Record<string, CustomAttributeValue>;

export const CUSTOM_ATTRIBUTES_MAX_KEYS = 50;
export const CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH = 64;
export const CUSTOM_ATTRIBUTES_MAX_BYTES = 8 * 1024;
const EARLIEST_BIRTH_DATE = '1900-01-01';
// Kiribati (UTC+14) is the first place where "today" begins, so nobody's real birth date today is refused.
const LATEST_UTC_OFFSET_MS = 14 * 60 * 60 * 1000;

/** `@Transform(toE164Phone)`: any common format becomes E.164; an impossible number is left for `IsContactPhone` to refuse. */
export const toE164Phone = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? (normalizePhone(value) ?? value) : value);

/** Absent is fine, an explicit null is not (required columns that a PATCH may leave out). */
export const OptionalNotNull = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/** A phone already normalised by `toE164Phone`: only values that are their own normal form pass. */
export function IsContactPhone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isContactPhone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && normalizePhone(value) === value,
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'phone'} must be a valid phone number, e.g. +55 11 98765-4321`,
      },
    },
    options,
  );
}

export function birthDateProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a date as YYYY-MM-DD';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return 'must be a date as YYYY-MM-DD';
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== value) return 'must be a real calendar date';
  if (value < EARLIEST_BIRTH_DATE) return `must not be before ${EARLIEST_BIRTH_DATE}`;
  const latestToday = new Date(Date.now() + LATEST_UTC_OFFSET_MS).toISOString().slice(0, 10);
  if (value > latestToday) return 'must not be in the future';
  return null;
}

/** `YYYY-MM-DD`, a real calendar date, from 1900 up to today. */
export function IsBirthDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBirthDate',
      validator: {
        validate: (value: unknown) => birthDateProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'birth_date'} ${birthDateProblem(args?.value) ?? 'is invalid'}`,
      },
    },
    options,
  );
}

function isAttributeValue(value: unknown): value is CustomAttributeValue {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

export function customAttributesProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object';
  const entries = Object.entries(value);
  if (entries.length > CUSTOM_ATTRIBUTES_MAX_KEYS) return `must have at most ${CUSTOM_ATTRIBUTES_MAX_KEYS} keys`;
  const badKey = entries.find(([key]) => key.trim().length === 0 || key.length > CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH);
  if (badKey) return `keys must be 1 to ${CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH} characters (got "${badKey[0].slice(0, 80)}")`;
  const badValue = entries.find(([, entry]) => !isAttributeValue(entry));
  if (badValue) return `values must be a string, number, boolean or null (key "${badValue[0]}")`;
  if (Buffer.byteLength(JSON.stringify(value)) > CUSTOM_ATTRIBUTES_MAX_BYTES) return `must be at most ${CUSTOM_ATTRIBUTES_MAX_BYTES} bytes as JSON`;
  return null;
}

/** A flat object of scalars, small enough to live in a jsonb column and be shown on a patient card. */
export function IsCustomAttributes(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCustomAttributes',
      validator: {
        validate: (value: unknown) => customAttributesProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'custom_attributes'} ${customAttributesProblem(args?.value) ?? 'is invalid'}`,
      },
    },
    options,
  );
}
