import { intervalsOn, nextOpening, openIntervalAt } from './business-hours';
import { BusinessHours } from './business-hours.types';
import { formatClock24, MINUTES_PER_DAY } from './time-of-day';
import { addDays, toZoned } from './zoned-time';

/** How one language words "when a person will get back to you". */
interface Phrasebook {
  todayUntil(closing: number): string;
  todayFrom(opening: number): string;
  tomorrowFrom(opening: number): string;
  onDayFrom(weekday: number, date: string, opening: number): string;
  unknown: string;
}

const hm = (minutes: number): [number, number] => [Math.floor(minutes / 60) % 24, minutes % 60];
const dayMonth = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}`;

const clock24 = (minutes: number): string => formatClock24(minutes % MINUTES_PER_DAY);

const PT_WEEKDAYS = ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'];
// Midnight and 1 a.m. take the singular article in Portuguese and Spanish ("a partir da 1h", "até a meia-noite").
const isMidnight = (minutes: number): boolean => minutes % MINUTES_PER_DAY === 0;
const isOneOClock = (minutes: number): boolean => hm(minutes)[0] === 1;

const ptFrom = (minutes: number): string =>
  isMidnight(minutes) ? 'a partir da meia-noite' : isOneOClock(minutes) ? `a partir da ${clock24(minutes)}` : `a partir das ${clock24(minutes)}`;
const ptUntil = (minutes: number): string =>
  isMidnight(minutes) ? 'até a meia-noite' : isOneOClock(minutes) ? `até a ${clock24(minutes)}` : `até as ${clock24(minutes)}`;

const PT_BR: Phrasebook = {
  todayUntil: (closing) => `ainda hoje, ${ptUntil(closing)}`,
  todayFrom: (opening) => `ainda hoje, ${ptFrom(opening)}`,
  tomorrowFrom: (opening) => `amanhã ${ptFrom(opening)}`,
  // Sábado and domingo are masculine ("no sábado"), the other weekdays feminine ("na segunda-feira").
  onDayFrom: (weekday, date, opening) => `${weekday === 0 || weekday === 6 ? 'no' : 'na'} ${PT_WEEKDAYS[weekday]} (${dayMonth(date)}) ${ptFrom(opening)}`,
  unknown: 'assim que possível',
};

const ES_WEEKDAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
const esFrom = (minutes: number): string =>
  isMidnight(minutes) ? 'a partir de la medianoche' : isOneOClock(minutes) ? `a partir de la ${clock24(minutes)}` : `a partir de las ${clock24(minutes)}`;
const esUntil = (minutes: number): string =>
  isMidnight(minutes) ? 'hasta la medianoche' : isOneOClock(minutes) ? `hasta la ${clock24(minutes)}` : `hasta las ${clock24(minutes)}`;

const ES_ES: Phrasebook = {
  todayUntil: (closing) => `hoy mismo, ${esUntil(closing)}`,
  todayFrom: (opening) => `hoy mismo, ${esFrom(opening)}`,
  tomorrowFrom: (opening) => `mañana ${esFrom(opening)}`,
  onDayFrom: (weekday, date, opening) => `el ${ES_WEEKDAYS[weekday]} (${dayMonth(date)}) ${esFrom(opening)}`,
  unknown: 'lo antes posible',
};

const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
function clock12(minutes: number): string {
  if (isMidnight(minutes)) return 'midnight';
  const [hour, minute] = hm(minutes);
  const suffix = hour < 12 ? 'AM' : 'PM';
  return `${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, '0')} ${suffix}`;
}

const EN_US: Phrasebook = {
  todayUntil: (closing) => `later today, by ${clock12(closing)}`,
  todayFrom: (opening) => `later today, from ${clock12(opening)}`,
  tomorrowFrom: (opening) => `tomorrow from ${clock12(opening)}`,
  onDayFrom: (weekday, date, opening) => `on ${EN_WEEKDAYS[weekday]} (${date.slice(5, 7)}/${date.slice(8, 10)}) from ${clock12(opening)}`,
  unknown: 'as soon as possible',
};

const PHRASEBOOKS: Record<string, Phrasebook> = { 'pt-BR': PT_BR, 'es-ES': ES_ES, 'en-US': EN_US };

/** The phrasebook for a BCP 47 locale: exact, then by language, then Brazilian Portuguese. */
function phrasebookFor(locale: string): Phrasebook {
  const language = locale.split('-')[0].toLowerCase();
  return PHRASEBOOKS[locale] ?? Object.entries(PHRASEBOOKS).find(([key]) => key.startsWith(`${language}-`))?.[1] ?? PT_BR;
}

/**
 * Patient-facing words for when staff will get back to them, e.g. "ainda hoje, até as 19h" (open now: by the
 * end of today's last interval), "amanhã a partir das 8h", "na segunda-feira (24/11) a partir das 8h".
 */
export function describeNextConfirmation(hours: BusinessHours, now: Date, locale = 'pt-BR'): string {
  const phrases = phrasebookFor(locale);
  const today = toZoned(now, hours.timezone).date;
  if (openIntervalAt(hours, now)) {
    const closing = Math.max(...intervalsOn(hours, today).map((interval) => interval.end));
    return phrases.todayUntil(closing);
  }
  const opening = nextOpening(hours, now);
  if (!opening) return phrases.unknown;
  const local = toZoned(opening, hours.timezone);
  const minutes = Math.floor(local.minutes);
  if (local.date === today) return phrases.todayFrom(minutes);
  if (local.date === addDays(today, 1)) return phrases.tomorrowFrom(minutes);
  return phrases.onDayFrom(local.weekday, local.date, minutes);
}
