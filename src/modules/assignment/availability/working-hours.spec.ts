import { withinWorkingHours } from './working-hours';

const MORNINGS = [{ weekday: 2, intervals: [{ start: '08:00', end: '12:00' }] }];

describe(withinWorkingHours.name, () => {
  it('should have no limit without hours', () => {
    expect(withinWorkingHours(null, 'America/Sao_Paulo', new Date('2026-11-22T03:00:00Z'))).toBe(true);
  });

  it('should read the hours in the organization’s time zone', () => {
    // Tuesday 2026-11-24 11:30 in São Paulo is 14:30 UTC.
    expect(withinWorkingHours(MORNINGS, 'America/Sao_Paulo', new Date('2026-11-24T14:30:00Z'))).toBe(true);
    expect(withinWorkingHours(MORNINGS, 'UTC', new Date('2026-11-24T14:30:00Z'))).toBe(false);
  });

  it('should be outside on a day with no hours, and with an empty week', () => {
    expect(withinWorkingHours(MORNINGS, 'America/Sao_Paulo', new Date('2026-11-25T13:00:00Z'))).toBe(false);
    expect(withinWorkingHours([], 'America/Sao_Paulo', new Date('2026-11-24T13:00:00Z'))).toBe(false);
  });
});
