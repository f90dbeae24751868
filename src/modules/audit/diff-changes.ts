import { FieldChange } from './audit-log.entity';

/** Fields whose values must never be written to the audit trail, only the fact they changed. */
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'password_hash']);

function normalise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** The fields of `after` that differ from `before`, as `{ field: { old, new } }`. */
export function diffChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [field, next] of Object.entries(after)) {
    if (next === undefined) continue;
    const previous = normalise(before[field]);
    const current = normalise(next);
    if (JSON.stringify(previous) === JSON.stringify(current)) continue;
    changes[field] = SECRET_FIELDS.has(field) ? { old: '[redacted]', new: '[redacted]' } : { old: previous ?? null, new: current };
  }
  return changes;
}
