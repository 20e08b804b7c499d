/** Slot bookkeeping for the demo: one-hour slots in Italian office hours, never double-booked. */

/** The instant of a wall-clock time in Italy (CET/CEST) on a day. */
export function romeInstant(day: Date, hour: number, minute = 0): Date {
  const guess = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute);
  const romeHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', hourCycle: 'h23' }).format(new Date(guess)));
  const offsetHours = (romeHour - hour + 24) % 24;
  return new Date(guess - offsetHours * 3_600_000);
}

export const isWeekday = (day: Date) => day.getUTCDay() !== 0 && day.getUTCDay() !== 6;

export const addDays = (day: Date, days: number) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + days));

/** Start hours of the demo's one-hour slots. */
export const SLOT_HOURS = [9, 10, 11, 12, 14, 15, 16];

export class SlotBook {
  private readonly taken = new Set<string>();

  /** True (and the slot is taken) when none of the keys (worker, room…) already holds that hour. */
  take(keys: readonly (string | null)[], start: Date): boolean {
    const names = keys.filter((key): key is string => key !== null).map((key) => `${key}@${start.toISOString()}`);
    if (names.some((name) => this.taken.has(name))) return false;
    for (const name of names) this.taken.add(name);
    return true;
  }
}
