import { intervalsOn } from '../business-hours/business-hours';
import { MinuteInterval, formatClock24 } from '../business-hours/time-of-day';
import { addDays, toZoned } from '../business-hours/zoned-time';
import { ClinicProfile, ClinicService } from './clinic-profile.types';

/** Holidays and special dates this close are worth telling a patient about. */
const UPCOMING_DAYS = 60;
const WEEKDAY_NAMES = ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'];
// Monday first, as Brazilians read a week.
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
const BRL = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });

const dayMonth = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}`;

function describeIntervals(intervals: MinuteInterval[]): string {
  if (intervals.length === 0) return 'fechado';
  return intervals.map((interval) => `${formatClock24(interval.start)} às ${formatClock24(interval.end)}`).join(' e ');
}

/** `R$ 180,00` with a plain space, as staff would type it (Intl puts a no-break space there). */
export function formatBrl(cents: number): string {
  return BRL.format(cents / 100).replace(/\u00a0/g, ' ');
}

/** "segunda a sexta-feira: 8h às 12h e 13h às 19h", grouping consecutive days with the same hours. */
function weeklyLines(profile: ClinicProfile): string[] {
  const hours = profile.businessHours;
  // Any date with the right weekday will do: exceptions and holidays are described separately.
  const sample = (weekday: number): string => describeIntervals(intervalsOn({ ...hours, exceptions: [], holidays: [] }, addDays('2024-01-07', weekday)));
  const groups: { first: number; last: number; text: string }[] = [];
  for (const weekday of WEEK_ORDER) {
    const text = sample(weekday);
    const previous = groups.at(-1);
    if (previous && previous.text === text) previous.last = weekday;
    else groups.push({ first: weekday, last: weekday, text });
  }
  return groups.map((group) => {
    const days = group.first === group.last ? WEEKDAY_NAMES[group.first] : `${WEEKDAY_NAMES[group.first].replace('-feira', '')} a ${WEEKDAY_NAMES[group.last]}`;
    return `- ${days}: ${group.text}`;
  });
}

function upcomingDateLines(profile: ClinicProfile, now: Date): string[] {
  const today = toZoned(now, profile.timezone).date;
  const horizon = addDays(today, UPCOMING_DAYS);
  const upcoming = (date: string): boolean => date >= today && date <= horizon;
  const lines = [
    ...profile.businessHours.holidays.filter((holiday) => upcoming(holiday.date)).map((holiday) => ({ date: holiday.date, text: `fechado (${holiday.name})` })),
    ...profile.businessHours.exceptions
      .filter((exception) => upcoming(exception.date))
      .map((exception) => ({
        date: exception.date,
        text: `${describeIntervals(intervalsOn(profile.businessHours, exception.date))}${exception.reason ? ` (${exception.reason})` : ''}`,
      })),
  ];
  // An exception on a holiday wins, so the holiday line is dropped.
  const byDate = new Map(lines.map((line) => [line.date, line.text]));
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, text]) => `- ${dayMonth(date)}: ${text}`);
}

function serviceLine(service: ClinicService): string {
  const details = [service.durationMinutes ? `${service.durationMinutes} min` : null, service.priceCents !== null ? formatBrl(service.priceCents) : 'valor sob consulta']
    .filter((detail): detail is string => detail !== null)
    .join(', ');
  return `- ${service.name} (${details})${service.description ? `: ${service.description}` : ''}`;
}

/**
 * The profile as short Portuguese text for the bot's prompt and offline answers: contact data, weekly hours,
 * closures and special dates of the next weeks, insurance and services with prices.
 */
export function renderClinicProfile(profile: ClinicProfile, now: Date = new Date()): string {
  const lines = [profile.name];
  if (profile.address) lines.push(`Endereço: ${profile.address}`);
  if (profile.phone) lines.push(`Telefone: ${profile.phone}`);
  if (profile.email) lines.push(`E-mail: ${profile.email}`);
  lines.push('Horário de atendimento:', ...weeklyLines(profile));
  const dates = upcomingDateLines(profile, now);
  if (dates.length > 0) lines.push('Datas especiais:', ...dates);
  if (profile.acceptedInsurances.length > 0) lines.push(`Convênios aceitos: ${profile.acceptedInsurances.join(', ')}`);
  if (profile.services.length > 0) lines.push('Serviços:', ...profile.services.map(serviceLine));
  return lines.join('\n');
}
