import { BusinessHours } from './business-hours.types';

const WEEKDAY = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '19:00' },
];

/** The demo clinic: Mon–Fri 8–12 and 13–19, Sat 8–12, in São Paulo. */
export function clinicHours(overrides: Partial<BusinessHours> = {}): BusinessHours {
  return {
    timezone: 'America/Sao_Paulo',
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, intervals: WEEKDAY })).concat({ weekday: 6, intervals: [{ start: '08:00', end: '12:00' }] }),
    exceptions: [],
    holidays: [],
    ...overrides,
  };
}
