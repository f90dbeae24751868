import { intervalsOn, isOpenAt, nextOpening } from './business-hours';
import { BusinessHours } from './business-hours.types';
import { clinicHours } from './business-hours.fixtures';

/** A São Paulo wall time (UTC-3) as an instant. */
const sp = (local: string): Date => new Date(`${local}:00-03:00`);

describe('intervalsOn', () => {
  it('should use the weekday hours on an ordinary date', () => {
    expect(intervalsOn(clinicHours(), '2026-11-24')).toEqual([{ start: 480, end: 720 }, { start: 780, end: 1140 }]);
    expect(intervalsOn(clinicHours(), '2026-11-22')).toEqual([]);
  });

  it('should close on a holiday', () => {
    expect(intervalsOn(clinicHours({ holidays: [{ date: '2026-11-02', name: 'Finados' }] }), '2026-11-02')).toEqual([]);
  });

  it('should let an exception win over a holiday and over the weekday', () => {
    const hours = clinicHours({
      holidays: [{ date: '2026-11-20', name: 'Consciência Negra' }],
      exceptions: [{ date: '2026-11-20', intervals: [{ start: '09:00', end: '12:00' }] }, { date: '2026-11-24', intervals: [] }],
    });
    expect(intervalsOn(hours, '2026-11-20')).toEqual([{ start: 540, end: 720 }]);
    expect(intervalsOn(hours, '2026-11-24')).toEqual([]);
  });

  it('should merge two entries for the same weekday', () => {
    const hours = clinicHours({ weekly: [{ weekday: 2, intervals: [{ start: '13:00', end: '18:00' }] }, { weekday: 2, intervals: [{ start: '08:00', end: '11:00' }] }] });
    expect(intervalsOn(hours, '2026-11-24')).toEqual([{ start: 480, end: 660 }, { start: 780, end: 1080 }]);
  });
});

describe('isOpenAt', () => {
  it.each([
    ['2026-11-24T10:00', true, 'inside the morning interval'],
    ['2026-11-24T08:00', true, 'at the opening minute'],
    ['2026-11-24T12:00', false, 'at the closing minute (ends are exclusive)'],
    ['2026-11-24T12:30', false, 'at lunch, between intervals'],
    ['2026-11-24T18:59', true, 'a minute before closing'],
    ['2026-11-24T19:00', false, 'after closing'],
    ['2026-11-28T11:00', true, 'on Saturday morning'],
    ['2026-11-28T14:00', false, 'on Saturday afternoon'],
    ['2026-11-22T10:00', false, 'on Sunday'],
  ])('should answer %s → %s (%s)', (local, open) => {
    expect(isOpenAt(clinicHours(), sp(local))).toBe(open);
  });

  it('should judge by the clinic’s time zone, not UTC', () => {
    // 22:30 UTC on Monday is 19:30 in São Paulo (closed) but 18:30 in Manaus (open).
    const instant = new Date('2026-11-23T22:30:00Z');
    expect(isOpenAt(clinicHours(), instant)).toBe(false);
    expect(isOpenAt(clinicHours({ timezone: 'America/Manaus' }), instant)).toBe(true);
  });

  it('should be closed all day on a holiday', () => {
    expect(isOpenAt(clinicHours({ holidays: [{ date: '2026-11-02', name: 'Finados' }] }), sp('2026-11-02T10:00'))).toBe(false);
  });

  it('should honour an interval open until midnight', () => {
    const hours = clinicHours({ weekly: [{ weekday: 2, intervals: [{ start: '18:00', end: '24:00' }] }] });
    expect(isOpenAt(hours, sp('2026-11-24T23:59'))).toBe(true);
    expect(isOpenAt(hours, sp('2026-11-25T00:00'))).toBe(false);
  });
});

describe('nextOpening', () => {
  it('should answer the instant itself when the clinic is open', () => {
    const now = sp('2026-11-24T10:00');
    expect(nextOpening(clinicHours(), now)).toEqual(now);
  });

  it('should answer the afternoon opening at lunch time', () => {
    expect(nextOpening(clinicHours(), sp('2026-11-24T12:15'))).toEqual(sp('2026-11-24T13:00'));
  });

  it('should answer the morning opening before the clinic opens', () => {
    expect(nextOpening(clinicHours(), sp('2026-11-24T06:00'))).toEqual(sp('2026-11-24T08:00'));
  });

  it('should answer Monday 8h on Saturday evening', () => {
    expect(nextOpening(clinicHours(), sp('2026-11-21T20:00'))).toEqual(sp('2026-11-23T08:00'));
  });

  it('should skip a holiday Monday', () => {
    const hours = clinicHours({ holidays: [{ date: '2026-11-02', name: 'Finados' }] });
    expect(nextOpening(hours, sp('2026-10-31T15:00'))).toEqual(sp('2026-11-03T08:00'));
  });

  it('should use an exception day’s own hours', () => {
    const hours = clinicHours({ exceptions: [{ date: '2026-11-23', intervals: [{ start: '10:30', end: '12:00' }], reason: 'Inventário' }] });
    expect(nextOpening(hours, sp('2026-11-22T09:00'))).toEqual(sp('2026-11-23T10:30'));
  });

  it('should find an exception opening of an otherwise closed clinic', () => {
    const hours = clinicHours({ weekly: [], exceptions: [{ date: '2027-01-10', intervals: [{ start: '09:00', end: '12:00' }] }] });
    expect(nextOpening(hours, sp('2026-11-22T09:00'))).toEqual(sp('2027-01-10T09:00'));
  });

  it('should answer null when the clinic never opens again', () => {
    expect(nextOpening(clinicHours({ weekly: [] }), sp('2026-11-22T09:00'))).toBeNull();
    const past = clinicHours({ weekly: [], exceptions: [{ date: '2026-11-01', intervals: [{ start: '09:00', end: '12:00' }] }] });
    expect(nextOpening(past, sp('2026-11-22T09:00'))).toBeNull();
  });

  it('should convert openings in a zone with DST', () => {
    const hours: BusinessHours = { timezone: 'Europe/Lisbon', weekly: [{ weekday: 1, intervals: [{ start: '09:00', end: '17:00' }] }], exceptions: [], holidays: [] };
    // Lisbon leaves summer time on 2026-10-25: the Monday before opens at 08:00Z, the Monday after at 09:00Z.
    expect(nextOpening(hours, new Date('2026-10-18T12:00:00Z'))?.toISOString()).toBe('2026-10-19T08:00:00.000Z');
    expect(nextOpening(hours, new Date('2026-10-24T12:00:00Z'))?.toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('should open at the first real instant when the opening time is skipped by DST', () => {
    const hours: BusinessHours = { timezone: 'America/New_York', weekly: [{ weekday: 0, intervals: [{ start: '02:00', end: '04:00' }] }], exceptions: [], holidays: [] };
    expect(nextOpening(hours, new Date('2026-03-07T12:00:00Z'))?.toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });
});
