import { rangeQuery, STATS_DATE_PATTERN } from './stats-range';

describe(rangeQuery.name, () => {
  const tz = 'America/Sao_Paulo';

  it('should default to the 30 days before now', () => {
    expect(rangeQuery(tz, undefined, undefined)).toEqual({ sql: `SELECT (now()) - interval '30 days' AS "start", now() AS "end", $1::text AS "timezone"`, params: [tz] });
  });

  it('should read dates as whole local days, the end date included', () => {
    expect(rangeQuery(tz, '2026-11-01', '2026-11-30')).toEqual({
      sql: `SELECT (($3::date)::timestamp AT TIME ZONE $1) AS "start", (($2::date + 1)::timestamp AT TIME ZONE $1) AS "end", $1::text AS "timezone"`,
      params: [tz, '2026-11-30', '2026-11-01'],
    });
  });

  it('should take a date-time with an offset as that instant and one without as local time', () => {
    expect(rangeQuery(tz, '2026-11-01T08:00:00Z', '2026-11-02T18:30')).toEqual({
      sql: `SELECT $3::timestamptz AS "start", ($2::timestamp AT TIME ZONE $1) AS "end", $1::text AS "timezone"`,
      params: [tz, '2026-11-02T18:30', '2026-11-01T08:00:00Z'],
    });
  });

  it('should count 30 days back from an explicit end', () => {
    expect(rangeQuery(tz, undefined, '2026-11-30').sql).toBe(
      `SELECT ((($2::date + 1)::timestamp AT TIME ZONE $1)) - interval '30 days' AS "start", (($2::date + 1)::timestamp AT TIME ZONE $1) AS "end", $1::text AS "timezone"`,
    );
  });
});

describe('STATS_DATE_PATTERN', () => {
  it.each(['2026-11-01', '2026-11-01T08:00', '2026-11-01T08:00:00', '2026-11-01T08:00:00.123Z', '2026-11-01T08:00:00-03:00', '2026-11-01T08:00+0300'])(
    'should accept %s',
    (value) => expect(STATS_DATE_PATTERN.test(value)).toBe(true),
  );

  it.each(['2026-11', '2026', '2026-W01', '01/11/2026', 'yesterday', '2026-11-01 08:00', '2026-11-01T08'])('should refuse %s', (value) =>
    expect(STATS_DATE_PATTERN.test(value)).toBe(false),
  );
});
