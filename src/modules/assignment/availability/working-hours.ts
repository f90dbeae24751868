import { isOpenAt, WeekdayHours } from 'src/modules/knowledge/business-hours';

/** Whether `at` falls in the weekly hours, read in `timezone`; no hours = no limit. */
export function withinWorkingHours(hours: WeekdayHours[] | null, timezone: string, at: Date): boolean {
  if (hours === null) return true;
  return isOpenAt({ timezone, weekly: hours, exceptions: [], holidays: [] }, at);
}
