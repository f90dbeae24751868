/**
 * Wall-clock arithmetic in an IANA time zone with nothing but `Intl.DateTimeFormat`. Dates are `YYYY-MM-DD`
 * strings, times minutes since local midnight.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** True for a time zone this runtime knows (`America/Sao_Paulo`, `UTC`, …). */
export function isValidTimeZone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

export interface ZonedDateTime {
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since local midnight, with seconds as a fraction. */
  minutes: number;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: number, timezone: string): WallClock {
  const parts = Object.fromEntries(
    formatterFor(timezone)
      .formatToParts(new Date(instant))
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms (São Paulo today: -3 h). */
export function offsetMs(instant: number, timezone: string): number {
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  const wall = wallClock(whole, timezone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - whole;
}

export function toDateString(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dateParts(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number);
  return [year, month, day];
}

export function weekdayOf(date: string): number {
  const [year, month, day] = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = dateParts(date);
  const shifted = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return toDateString(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** The local date, weekday and time of day of `instant` in `timezone`. */
export function toZoned(instant: Date, timezone: string): ZonedDateTime {
  const wall = wallClock(instant.getTime(), timezone);
  const date = toDateString(wall.year, wall.month, wall.day);
  const fraction = (((instant.getTime() % 1000) + 1000) % 1000) / 60_000;
  return { date, weekday: weekdayOf(date), minutes: wall.hour * 60 + wall.minute + wall.second / 60 + fraction };
}

/**
 * The instant a local wall time happens. Like Temporal's `compatible` disambiguation: a time skipped by a DST
 * jump moves forward by the jump, and a time that happens twice (clocks set back) resolves to the first one.
 */
export function fromZoned(date: string, minutes: number, timezone: string): Date {
  const [year, month, day] = dateParts(date);
  const naive = Date.UTC(year, month - 1, day) + minutes * 60_000;
  // Transitions are months apart, so the offsets a day either side are the ones before and after any jump here.
  const before = offsetMs(naive - DAY_MS, timezone);
  const after = offsetMs(naive + DAY_MS, timezone);
  const early = naive - before;
  if (before === after || offsetMs(early, timezone) === before) return new Date(early);
  const late = naive - after;
  return new Date(offsetMs(late, timezone) === after ? late : early);
}
