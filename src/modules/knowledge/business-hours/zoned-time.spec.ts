import { addDays, fromZoned, isValidTimeZone, offsetMs, toZoned, weekdayOf } from './zoned-time';

const at = (iso: string): Date => new Date(iso);

describe('toZoned', () => {
  it('should give the São Paulo wall clock of an instant (UTC-3, no DST since 2019)', () => {
    expect(toZoned(at('2026-11-22T02:30:00Z'), 'America/Sao_Paulo')).toEqual({ date: '2026-11-21', weekday: 6, minutes: 23 * 60 + 30 });
  });

  it('should count seconds as a fraction of a minute', () => {
    expect(toZoned(at('2026-11-23T11:00:30Z'), 'America/Sao_Paulo').minutes).toBe(8 * 60 + 0.5);
  });

  it('should follow a zone with DST through summer and winter', () => {
    expect(toZoned(at('2026-07-06T08:00:00Z'), 'Europe/Lisbon')).toMatchObject({ date: '2026-07-06', minutes: 9 * 60 });
    expect(toZoned(at('2026-12-07T08:00:00Z'), 'Europe/Lisbon')).toMatchObject({ date: '2026-12-07', minutes: 8 * 60 });
  });
});

describe('offsetMs', () => {
  it.each([
    ['America/Sao_Paulo', '2026-01-15T12:00:00Z', -3],
    ['America/Sao_Paulo', '2018-12-15T12:00:00Z', -2],
    ['America/Manaus', '2026-01-15T12:00:00Z', -4],
    ['America/New_York', '2026-07-01T12:00:00Z', -4],
    ['Asia/Kolkata', '2026-07-01T12:00:00Z', 5.5],
  ])('should give %s at %s as UTC%d', (timezone, iso, hours) => {
    expect(offsetMs(at(iso).getTime(), timezone)).toBe(hours * 3_600_000);
  });
});

describe('fromZoned', () => {
  it('should turn a São Paulo wall time into its instant', () => {
    expect(fromZoned('2026-11-23', 8 * 60, 'America/Sao_Paulo').toISOString()).toBe('2026-11-23T11:00:00.000Z');
  });

  it('should move a time skipped by a spring-forward jump ahead by the jump', () => {
    expect(fromZoned('2026-03-08', 2 * 60 + 30, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // São Paulo's last DST began at midnight: 00:00 of 2018-11-04 never happened, 01:00 -02 did.
    expect(fromZoned('2018-11-04', 0, 'America/Sao_Paulo').toISOString()).toBe('2018-11-04T03:00:00.000Z');
  });

  it('should take the first of two instants when clocks are set back', () => {
    expect(fromZoned('2026-11-01', 90, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('should resolve a time right after a jump with the new offset', () => {
    expect(fromZoned('2026-03-08', 4 * 60, 'America/New_York').toISOString()).toBe('2026-03-08T08:00:00.000Z');
  });

  it('should round-trip with toZoned', () => {
    const instant = fromZoned('2026-07-06', 9 * 60 + 15, 'Europe/Lisbon');
    expect(toZoned(instant, 'Europe/Lisbon')).toMatchObject({ date: '2026-07-06', minutes: 9 * 60 + 15 });
  });
});

describe('calendar helpers', () => {
  it('should add days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('should give the weekday of a date', () => {
    expect(weekdayOf('2026-11-22')).toBe(0);
    expect(weekdayOf('2026-11-28')).toBe(6);
  });

  it('should tell known time zones from unknown ones', () => {
    expect(isValidTimeZone('America/Sao_Paulo')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
