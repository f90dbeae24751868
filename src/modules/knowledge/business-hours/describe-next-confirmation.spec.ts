import { BusinessHours } from './business-hours.types';
import { clinicHours } from './business-hours.fixtures';
import { describeNextConfirmation } from './describe-next-confirmation';

const sp = (local: string): Date => new Date(`${local}:00-03:00`);

describe('describeNextConfirmation', () => {
  it.each([
    ['2026-11-24T10:00', 'ainda hoje, até as 19h', 'open in the morning: by the end of the day'],
    ['2026-11-24T18:30', 'ainda hoje, até as 19h', 'open, about to close'],
    ['2026-11-24T12:30', 'ainda hoje, a partir das 13h', 'between intervals'],
    ['2026-11-24T06:45', 'ainda hoje, a partir das 8h', 'before opening'],
    ['2026-11-24T19:00', 'amanhã a partir das 8h', 'after closing on a weekday'],
    ['2026-11-28T10:00', 'ainda hoje, até as 12h', 'Saturday morning'],
    ['2026-11-28T20:00', 'na segunda-feira (30/11) a partir das 8h', 'Saturday evening'],
    ['2026-11-29T10:00', 'amanhã a partir das 8h', 'Sunday'],
    ['2026-11-27T22:00', 'amanhã a partir das 8h', 'Friday night (Saturday opens)'],
  ])('should say at %s: %j (%s)', (local, expected) => {
    expect(describeNextConfirmation(clinicHours(), sp(local))).toBe(expected);
  });

  it('should skip a holiday Monday and name the day with its date', () => {
    const hours = clinicHours({ holidays: [{ date: '2026-11-02', name: 'Finados' }] });
    expect(describeNextConfirmation(hours, sp('2026-10-31T18:00'))).toBe('na terça-feira (03/11) a partir das 8h');
    expect(describeNextConfirmation(hours, sp('2026-11-01T10:00'))).toBe('na terça-feira (03/11) a partir das 8h');
  });

  it('should use an exception day’s hours, before and during it', () => {
    const hours = clinicHours({
      exceptions: [{ date: '2026-12-24', intervals: [{ start: '08:00', end: '12:30' }], reason: 'Véspera de Natal' }],
      holidays: [{ date: '2026-12-25', name: 'Natal' }],
    });
    expect(describeNextConfirmation(hours, sp('2026-12-24T09:00'))).toBe('ainda hoje, até as 12h30');
    expect(describeNextConfirmation(hours, sp('2026-12-24T13:00'))).toBe('no sábado (26/12) a partir das 8h');
  });

  it('should say "no domingo" for a Sunday opening and handle half hours', () => {
    const hours: BusinessHours = { timezone: 'America/Sao_Paulo', weekly: [{ weekday: 0, intervals: [{ start: '09:30', end: '13:00' }] }], exceptions: [], holidays: [] };
    expect(describeNextConfirmation(hours, sp('2026-11-25T10:00'))).toBe('no domingo (29/11) a partir das 9h30');
  });

  it('should use the singular article for 1h and midnight', () => {
    const hours: BusinessHours = { timezone: 'America/Sao_Paulo', weekly: [{ weekday: 2, intervals: [{ start: '01:00', end: '24:00' }] }], exceptions: [], holidays: [] };
    expect(describeNextConfirmation(hours, sp('2026-11-24T00:30'))).toBe('ainda hoje, a partir da 1h');
    expect(describeNextConfirmation(hours, sp('2026-11-24T15:00'))).toBe('ainda hoje, até a meia-noite');
  });

  it('should read the clock of the clinic’s own time zone', () => {
    const manaus = clinicHours({ timezone: 'America/Manaus' });
    // 23:30 UTC on Monday: 19:30 in Manaus, after closing.
    expect(describeNextConfirmation(manaus, new Date('2026-11-23T23:30:00Z'))).toBe('amanhã a partir das 8h');
    // 21:30 UTC on Monday: 17:30 in Manaus, still open.
    expect(describeNextConfirmation(manaus, new Date('2026-11-23T21:30:00Z'))).toBe('ainda hoje, até as 19h');
  });

  it('should say "assim que possível" when the clinic has no opening ahead', () => {
    expect(describeNextConfirmation(clinicHours({ weekly: [] }), sp('2026-11-24T10:00'))).toBe('assim que possível');
  });

  it('should speak Spanish and English when asked, and fall back to Portuguese otherwise', () => {
    expect(describeNextConfirmation(clinicHours(), sp('2026-11-28T20:00'), 'es-ES')).toBe('el lunes (30/11) a partir de las 8h');
    expect(describeNextConfirmation(clinicHours(), sp('2026-11-24T10:00'), 'en-US')).toBe('later today, by 7:00 PM');
    expect(describeNextConfirmation(clinicHours(), sp('2026-11-28T20:00'), 'en-US')).toBe('on Monday (11/30) from 8:00 AM');
    expect(describeNextConfirmation(clinicHours(), sp('2026-11-24T19:30'), 'fr-FR')).toBe('amanhã a partir das 8h');
  });
});
