/** `@Transform(trimString)`: surrounding whitespace never reaches validation or the database. */
export const trimString = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** `@Transform(toLowerTrimmed)` for emails and other case-insensitive keys. */
export const toLowerTrimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/** Query-string booleans: only the literals "true" and "false" convert; anything else fails validation. */
export const toQueryBoolean = ({ value }: { value: unknown }): unknown => {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
};

/** `status=A,B` and `status=A&status=B` (and a mix of both) all become `['A', 'B']`. */
export const toStatusList = ({ value }: { value: unknown }): unknown => {
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((item) => typeof item === 'string')) return value;
  return [...new Set((values as string[]).flatMap((item) => item.split(',')).map((item) => item.trim()))];
};
