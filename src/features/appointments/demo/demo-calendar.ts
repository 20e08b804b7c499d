import { romeInstant } from '../../../platform/time/rome.ts';

/** Slot bookkeeping for the demo: one-hour slots in Italian office hours, never double-booked. */

/** The instant of an hour in Italy on a day (YYYY-MM-DD). */
export const romeHour = (day: string, hour: number): Date => romeInstant(day, `${String(hour).padStart(2, '0')}:00`);

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
