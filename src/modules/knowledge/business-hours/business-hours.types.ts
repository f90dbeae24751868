/** `HH:MM`, 24-hour clock, in the clinic's time zone. An interval's end may be `24:00` (open until midnight). */
export interface TimeInterval {
  start: string;
  end: string;
}

/** Regular opening hours of one weekday: 0 = Sunday … 6 = Saturday; no entry (or no intervals) = closed. */
export interface WeekdayHours {
  weekday: number;
  intervals: TimeInterval[];
}

/** A date with its own hours (e.g. a shorter Christmas Eve); no intervals = closed that day. */
export interface DateException {
  date: string;
  intervals: TimeInterval[];
  reason?: string | null;
}

/** A closed date. */
export interface Holiday {
  date: string;
  name: string;
}

/**
 * When the clinic is open. For a given date an exception wins over a holiday, and a holiday over the weekday's
 * hours, so a clinic can mark a holiday and still open half a day on it.
 */
export interface BusinessHours {
  /** IANA time zone, e.g. `America/Sao_Paulo`. */
  timezone: string;
  weekly: WeekdayHours[];
  exceptions: DateException[];
  holidays: Holiday[];
}

export const EMPTY_WEEKLY_HOURS: Omit<BusinessHours, 'timezone'> = { weekly: [], exceptions: [], holidays: [] };
