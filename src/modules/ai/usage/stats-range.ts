/** How one bound of the stats window is written by the client. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

export const DEFAULT_STATS_WINDOW_DAYS = 30;
export const MAX_STATS_WINDOW_DAYS = 366;

/** Accepted shapes: `2026-11-01`, `2026-11-01T08:00`, `2026-11-01T08:00:00.000Z`, `2026-11-01T08:00:00-03:00`. */
export const STATS_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

export interface RangeQuery {
  sql: string;
  params: string[];
}

/**
 * SQL answering `start` and `end` (timestamptz) of a stats window in the organization's time zone, so the
 * database does the calendar arithmetic. A date means the whole local day (the end date is included); a date
 * and time without an offset is local time; one with an offset is that instant. Missing end = now, missing
 * start = 30 days before the end.
 */
export function rangeQuery(timezone: string, startDate: string | undefined, endDate: string | undefined): RangeQuery {
  const params = [timezone];
  const bind = (value: string): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const end = endDate ? boundSql(endDate, bind(endDate), true) : 'now()';
  const start = startDate ? boundSql(startDate, bind(startDate), false) : `(${end}) - interval '${DEFAULT_STATS_WINDOW_DAYS} days'`;
  // $1 is always referenced: Postgres refuses a parameter it cannot type, as an unused one would be.
  return { sql: `SELECT ${start} AS "start", ${end} AS "end", $1::text AS "timezone"`, params };
}

function boundSql(value: string, param: string, isEnd: boolean): string {
  if (DATE_ONLY.test(value)) return `((${param}::date${isEnd ? ' + 1' : ''})::timestamp AT TIME ZONE $1)`;
  if (WITH_OFFSET.test(value)) return `${param}::timestamptz`;
  return `(${param}::timestamp AT TIME ZONE $1)`;
}
