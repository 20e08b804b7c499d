import { clock } from './clock.ts';

/**
 * Trama's working day is the Italian one: Europe/Rome (CET/CEST), whatever the time zone of the machine.
 * The server, the demo and the web pages all read and write days and wall-clock times with these.
 */
export const ROME = 'Europe/Rome';

// One formatter for the whole process: building an Intl.DateTimeFormat with a time zone costs tens of
// microseconds and native memory that the garbage collector sees late (one per request pushed the
// server from 150 to 450 MB resident under load).
const romeDay = new Intl.DateTimeFormat('en-CA', { timeZone: ROME, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Italy ('YYYY-MM-DD') at this instant (now on Trama's clock by default). */
export function dayInRome(at: Date = clock.now()): string {
  return romeDay.format(at);
}

// Built once, like romeDay.
const romeParts = new Intl.DateTimeFormat('en-GB', { timeZone: ROME, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

const parts = (instant: Date) =>
  Object.fromEntries(
    romeParts
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;

/** The instant of a day (YYYY-MM-DD) at a time (HH:MM) in Italy. */
export function romeInstant(date: string, time: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const seen = parts(new Date(guess));
  const offsetMinutes = (Date.UTC(Number(seen.year), Number(seen.month) - 1, Number(seen.day), Number(seen.hour), Number(seen.minute)) - guess) / 60_000;
  return new Date(guess - offsetMinutes * 60_000);
}

/** The day (YYYY-MM-DD) of an instant in Italy. */
export function romeDate(iso: string | Date): string {
  return dayInRome(new Date(iso));
}

/** The time (HH:MM) of an instant in Italy. */
export function romeClock(iso: string | Date): string {
  const p = parts(new Date(iso));
  return `${p.hour}:${p.minute}`;
}

/** A calendar day moved by some days (YYYY-MM-DD in, YYYY-MM-DD out). */
export function shiftDate(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Monday of the week of a day. */
export function mondayOf(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  return shiftDate(date, -weekday);
}
