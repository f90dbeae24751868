import { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe } from 'src/common/validation/validation';
import { UpdateClinicProfileDto } from './clinic-profile-input.dto';

const metadata: ArgumentMetadata = { type: 'body', metatype: UpdateClinicProfileDto };
const pipe = createValidationPipe();

const valid = (): Record<string, unknown> => ({
  name: 'Clínica Exemplo',
  business_hours: { weekly: [{ weekday: 1, intervals: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '19:00' }] }] },
});

async function detailsFor(body: Record<string, unknown>): Promise<{ field: string; errors: string[] }[]> {
  try {
    await pipe.transform(body, metadata);
  } catch (error) {
    return (error as { details: { field: string; errors: string[] }[] }).details;
  }
  throw new Error('expected a validation error');
}

describe(UpdateClinicProfileDto.name, () => {
  it('should accept a minimal profile', async () => {
    await expect(pipe.transform(valid(), metadata)).resolves.toBeInstanceOf(UpdateClinicProfileDto);
  });

  it.each([
    ['a malformed start', { weekly: [{ weekday: 1, intervals: [{ start: '8:00', end: '12:00' }] }] }, 'business_hours.weekly.0.intervals.0.start', 'start must be a time as HH:MM (00:00–23:59)'],
    ['an end of 24:30', { weekly: [{ weekday: 1, intervals: [{ start: '08:00', end: '24:30' }] }] }, 'business_hours.weekly.0.intervals.0.end', 'end must be a time as HH:MM (00:01–24:00)'],
    ['an interval ending before it starts', { weekly: [{ weekday: 2, intervals: [{ start: '13:00', end: '12:00' }] }] }, 'business_hours.weekly.0.intervals', 'interval 0 must end after it starts (got 13:00–12:00)'],
    [
      'overlapping intervals',
      { weekly: [{ weekday: 2, intervals: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '14:00' }] }] },
      'business_hours.weekly.0.intervals',
      'intervals 08:00–12:00 and 11:00–14:00 overlap',
    ],
    ['weekday 7', { weekly: [{ weekday: 7, intervals: [] }] }, 'business_hours.weekly.0.weekday', 'weekday must not be greater than 6'],
    ['a repeated weekday', { weekly: [{ weekday: 1, intervals: [] }, { weekday: 1, intervals: [] }] }, 'business_hours.weekly', 'weekly must list each weekday at most once'],
    ['an impossible date', { weekly: [], holidays: [{ date: '2026-02-30', name: 'X' }] }, 'business_hours.holidays.0.date', 'date must be a real calendar date'],
    ['a repeated holiday', { weekly: [], holidays: [{ date: '2026-12-25', name: 'Natal' }, { date: '2026-12-25', name: 'Natal' }] }, 'business_hours.holidays', 'holidays must list each date at most once'],
    ['an exception in another format', { weekly: [], exceptions: [{ date: '24/12/2026', intervals: [] }] }, 'business_hours.exceptions.0.date', 'date must be a date as YYYY-MM-DD'],
  ])('should refuse %s with a clear message', async (_label, hours, field, message) => {
    expect(await detailsFor({ ...valid(), business_hours: hours })).toContainEqual({ field, errors: expect.arrayContaining([message]) });
  });

  it.each([
    ['a negative price', { services: [{ name: 'Limpeza', price_cents: -1 }] }, 'services.0.price_cents', 'price_cents must not be less than 0'],
    ['a fractional price', { services: [{ name: 'Limpeza', price_cents: 10.5 }] }, 'services.0.price_cents', 'price_cents must be an integer number'],
    ['a repeated service', { services: [{ name: 'Limpeza' }, { name: 'Limpeza' }] }, 'services', 'services must not repeat a name'],
    ['an unknown time zone', { timezone: 'America/Atlantida' }, 'timezone', 'timezone must be a valid IANA time-zone'],
    ['repeated insurances', { accepted_insurances: ['Unimed', ' unimed '] }, 'accepted_insurances', 'accepted_insurances must not repeat a name'],
    ['a missing name', { name: undefined }, 'name', 'name must be a string'],
    ['an unknown field', { organization_id: 'x' }, 'organization_id', 'property organization_id should not exist'],
  ])('should refuse %s', async (_label, fields, field, message) => {
    expect(await detailsFor({ ...valid(), ...fields })).toContainEqual({ field, errors: expect.arrayContaining([message]) });
  });

  it('should refuse a profile without business hours', async () => {
    expect(await detailsFor({ name: 'Clínica' })).toContainEqual({ field: 'business_hours', errors: ['business_hours must be an object'] });
  });
});
