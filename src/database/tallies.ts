import { Logger } from '@nestjs/common';
import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

const logger = new Logger('Tallies');
const folding = new Set<string>();

/**
 * A tally table (migrations/…-AddListTallies): triggers append one row per change (+n / -n) for the combination of
 * list-filter columns it affects, so a list's exact total is a SUM over a few rows instead of a COUNT over every
 * matching one. `groupColumns` are those combinations; `countColumn` holds the deltas.
 */
export interface TallyTable {
  name: string;
  groupColumns: readonly string[];
  countColumn: string;
}

/**
 * An organization's deltas are folded back together once a total reads more than this many rows and more than
 * twice as many rows as combinations (so a clinic with many combinations is not folded on every read).
 */
export const TALLY_COMPACT_ABOVE = 64;

/**
 * Folds an organization's deltas into one row per combination (dropping combinations that sum to zero), in one
 * statement: readers see either all the old rows or all the new ones. Deltas committed meanwhile are not in the
 * statement's snapshot, so they are neither deleted nor summed, and stay; two concurrent foldings skip each
 * other's deleted rows.
 */
export async function compactTallies(manager: EntityManager, table: TallyTable, organizationId: string): Promise<void> {
  const groups = ['organization_id', ...table.groupColumns].join(', ');
  await manager.query(
    `WITH folded AS (DELETE FROM ${table.name} WHERE organization_id = $1 RETURNING ${groups}, ${table.countColumn})
     INSERT INTO ${table.name} (${groups}, ${table.countColumn})
     SELECT ${groups}, sum(${table.countColumn}) FROM folded GROUP BY ${groups} HAVING sum(${table.countColumn}) <> 0`,
    [organizationId],
  );
}

/**
 * The exact total of a list from its tally: `filtered` selects the tally rows matching the list's scope and
 * filters (the tally's columns carry the list's column names). Folding is left to run after the answer; if it
 * fails the deltas are still right, only slower to sum.
 */
export async function tallyTotal(
  manager: EntityManager,
  table: TallyTable,
  organizationId: string,
  filtered: SelectQueryBuilder<ObjectLiteral>,
): Promise<number> {
  const alias = filtered.alias;
  const combination = table.groupColumns.map((column) => `${alias}.${column}`).join(', ');
  const row = await filtered
    .select(`COALESCE(SUM(${alias}.${table.countColumn}), 0)`, 'total')
    .addSelect('COUNT(*)', 'deltas')
    .addSelect(`COUNT(DISTINCT ROW(${combination}))`, 'combinations')
    .getRawOne<{ total: string; deltas: string; combinations: string }>();
  const deltas = Number(row?.deltas ?? 0);
  const key = `${table.name} ${organizationId}`;
  // Concurrent readers see the same pile: one folding per process is enough (another process's would only wait).
  if (deltas > TALLY_COMPACT_ABOVE && deltas > 2 * Number(row?.combinations ?? 0) && !folding.has(key)) {
    folding.add(key);
    compactTallies(manager, table, organizationId)
      .catch((error: unknown) => logger.warn({ err: error, table: table.name }, 'folding tallies failed'))
      .finally(() => folding.delete(key));
  }
  return Number(row?.total ?? 0);
}
