/**
 * Wall-clock time in Italy (Europe/Rome, CET/CEST), whatever the time zone of the machine: the server,
 * the demo and the web pages all read and write appointment times with these.
 */
const ZONE = 'Europe/Rome';

// Built once: a formatter with a time zone is costly to create (see src/platform/time/rome.ts).
const romeParts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

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
  const p = parts(new Date(iso));
  return `${p.year}-${p.month}-${p.day}`;
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
