"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.diffChanges = diffChanges;
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'password_hash']);
function normalise(value) {
    return value instanceof Date ? value.toISOString() : value;
}
function diffChanges(before, after) {
    const changes = {};
    for (const [field, next] of Object.entries(after)) {
        if (next === undefined)
            continue;
        const previous = normalise(before[field]);
        const current = normalise(next);
        if (JSON.stringify(previous) === JSON.stringify(current))
            continue;
        changes[field] = SECRET_FIELDS.has(field) ? { old: '[redacted]', new: '[redacted]' } : { old: previous ?? null, new: current };
    }
    return changes;
}
//# sourceMappingURL=diff-changes.js.map