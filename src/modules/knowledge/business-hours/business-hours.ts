import { BusinessHours } from './business-hours.types';
import { MinuteInterval, toMinuteIntervals } from './time-of-day';
import { addDays, fromZoned, toZoned, weekdayOf } from './zoned-time';

/** Far enough to reach a yearly exception (a clinic closed for months still has a next opening). */
const LOOKAHEAD_DAYS = 400;

/** The opening intervals of a local date: its exception, else closed on a holiday, else the weekday's hours. */
export function intervalsOn(hours: BusinessHours, date: string): MinuteInterval[] {
  const exception = hours.exceptions.find((candidate) => candidate.date === date);
  if (exception) return toMinuteIntervals(exception.intervals);
  if (hours.holidays.some((holiday) => holiday.date === date)) return [];
  const weekday = weekdayOf(date);
  return toMinuteIntervals(hours.weekly.filter((day) => day.weekday === weekday).flatMap((day) => day.intervals));
}

/** The interval open at `instant`, in the clinic's local minutes, or null when closed. */
export function openIntervalAt(hours: BusinessHours, instant: Date): MinuteInterval | null {
  const local = toZoned(instant, hours.timezone);
  return intervalsOn(hours, local.date).find((interval) => interval.start <= local.minutes && local.minutes < interval.end) ?? null;
}

export function isOpenAt(hours: BusinessHours, instant: Date): boolean {
  return openIntervalAt(hours, instant) !== null;
}

function mayOpenAgain(hours: BusinessHours, fromDate: string): boolean {
  return (
    hours.weekly.some((day) => toMinuteIntervals(day.intervals).length > 0) ||
    hours.exceptions.some((exception) => exception.date >= fromDate && toMinuteIntervals(exception.intervals).length > 0)
  );
}

/**
 * When the clinic is next open: `from` itself when it is open then, else the start of the next opening
 * interval; null when it never opens again (no weekly hours and no future exception).
 */
export function nextOpening(hours: BusinessHours, from: Date): Date | null {
  const local = toZoned(from, hours.timezone);
  if (!mayOpenAgain(hours, local.date)) return null;
  for (let offset = 0; offset <= LOOKAHEAD_DAYS; offset += 1) {
    const date = addDays(local.date, offset);
    for (const interval of intervalsOn(hours, date)) {
      if (offset === 0 && interval.end <= local.minutes) continue;
      if (offset === 0 && interval.start <= local.minutes) return from;
      const opening = fromZoned(date, interval.start, hours.timezone);
      if (opening.getTime() > from.getTime()) return opening;
    }
  }
  return null;
}
