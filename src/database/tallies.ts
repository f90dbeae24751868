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

/** An organization's deltas are folded back together once a total reads more than this many unfolded rows. */
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
     INSERT INTO ${table.name} (${groups}, ${table.countColumn}, folded)
     SELECT ${groups}, sum(${table.countColumn}), true FROM folded GROUP BY ${groups} HAVING sum(${table.countColumn}) <> 0`,
    [organizationId],
  );
}

/**
 * What a list's count subquery selects: `[total, unfolded tally rows read]` as one JSON array, so it can ride along
 * with the page's own query. Counts without a tally report 0 rows.
 */
export type ListTotal = [number | string, number | string];

/** The count subquery of a list read from its tally: `filtered` selects the tally rows matching the list's scope and filters. */
export function tallyCount(table: TallyTable, filtered: SelectQueryBuilder<ObjectLiteral>): SelectQueryBuilder<ObjectLiteral> {
  const alias = filtered.alias;
  return filtered.select(`json_build_array(COALESCE(SUM(${alias}.${table.countColumn}), 0), COUNT(*) FILTER (WHERE NOT ${alias}.folded))`, 'list_total');
}

/** The count subquery of a list counted row by row: `counted` selects the matching rows. */
export function rowCount(counted: SelectQueryBuilder<ObjectLiteral>, expression = 'COUNT(*)'): SelectQueryBuilder<ObjectLiteral> {
  return counted.select(`json_build_array(${expression}, 0)`, 'list_total').orderBy();
}

/**
 * The total a count subquery found. A tally whose organization has piled up unfolded deltas is folded after the
 * answer; if that fails the deltas are still right, only slower to sum.
 */
export function settleTotal(manager: EntityManager, table: TallyTable | null, organizationId: string, value: ListTotal): number {
  const [total, unfolded] = value.map(Number);
  const key = `${table?.name} ${organizationId}`;
  // Concurrent readers see the same pile: one folding per process is enough (another process's would only wait).
  if (table && unfolded > TALLY_COMPACT_ABOVE && !folding.has(key)) {
    folding.add(key);
    compactTallies(manager, table, organizationId)
      .catch((error: unknown) => logger.warn({ err: error, table: table.name }, 'folding tallies failed'))
      .finally(() => folding.delete(key));
  }
  return total;
}

/** A page's SQL with its count subquery, as one statement with positional parameters. */
export function withCountSql(
  manager: EntityManager,
  count: SelectQueryBuilder<ObjectLiteral>,
  page: SelectQueryBuilder<ObjectLiteral>,
  wrapPage: (pageSql: string) => string,
  orderBy: string,
): [string, unknown[]] {
  // Always one row, with null page columns when the page is empty, so the total comes back either way.
  const sql = `SELECT listing.*, totals.list_total FROM (SELECT (${count.getQuery()}) AS list_total) totals
    LEFT JOIN (${wrapPage(page.getQuery())}) listing ON true
    ORDER BY ${orderBy}`;
  return manager.connection.driver.escapeQueryWithParameters(sql, { ...page.getParameters(), ...count.getParameters() }, {}) as [string, unknown[]];
}
