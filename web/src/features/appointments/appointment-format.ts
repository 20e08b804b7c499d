const locale = (language: string) => (language.startsWith('en') ? 'en-GB' : 'it-IT');

/** "lun 03/03/2031, 09:00–10:00" in Italian time, whatever the browser's time zone. */
export function formatRange(startsAt: string, endsAt: string, language: string): string {
  const day = new Intl.DateTimeFormat(locale(language), { timeZone: 'Europe/Rome', weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale(language), { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit' });
  return `${day.format(new Date(startsAt))}, ${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}

/** A day (YYYY-MM-DD) as the reader expects it, with the weekday. */
export function formatDay(date: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T00:00:00Z`));
}

/** Italian wall-clock helpers shared with the server. */
export { romeDate, romeClock, romeInstant, shiftDate, mondayOf } from '../../../../src/platform/time/rome.ts';
