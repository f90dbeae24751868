import { TimeInterval } from './business-hours.types';

export const MINUTES_PER_DAY = 24 * 60;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of a `HH:MM` start, or null when malformed. */
export function parseStart(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = HH_MM.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Like `parseStart`, but `24:00` is also a valid end (open until midnight). */
export function parseEnd(value: unknown): number | null {
  return value === '24:00' ? MINUTES_PER_DAY : parseStart(value);
}

export interface MinuteInterval {
  start: number;
  end: number;
}

/** Well-formed intervals as minutes, sorted by start; malformed ones are skipped (validation reports them). */
export function toMinuteIntervals(intervals: readonly TimeInterval[]): MinuteInterval[] {
  return intervals
    .map((interval) => ({ start: parseStart(interval.start), end: parseEnd(interval.end) }))
    .filter((interval): interval is MinuteInterval => interval.start !== null && interval.end !== null && interval.start < interval.end)
    .sort((a, b) => a.start - b.start);
}

/**
 * What is wrong with a day's intervals (each must start before it ends, and none may overlap another), or null.
 * Malformed times are left to the per-field format check.
 */
export function intervalsProblem(intervals: readonly TimeInterval[]): string | null {
  const parsed: (MinuteInterval & { index: number })[] = [];
  for (const [index, interval] of intervals.entries()) {
    const start = parseStart(interval?.start);
    const end = parseEnd(interval?.end);
    if (start === null || end === null) continue;
    if (start >= end) return `interval ${index} must end after it starts (got ${interval.start}–${interval.end})`;
    parsed.push({ start, end, index });
  }
  parsed.sort((a, b) => a.start - b.start);
  for (let i = 1; i < parsed.length; i += 1) {
    const [previous, current] = [parsed[i - 1], parsed[i]];
    if (current.start < previous.end) {
      const show = (item: MinuteInterval & { index: number }) => `${intervals[item.index].start}–${intervals[item.index].end}`;
      return `intervals ${show(previous)} and ${show(current)} overlap`;
    }
  }
  return null;
}

/** `8h`, `8h30`, `18h`: how Brazilians (and Spaniards) write a time of day; 24:00 is `24h`. */
export function formatClock24(minutes: number): string {
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  return minute === 0 ? `${hour}h` : `${hour}h${String(minute).padStart(2, '0')}`;
}
