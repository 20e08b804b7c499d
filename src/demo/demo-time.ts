import { shiftDate } from '../platform/time/rome.ts';

/** Monday to Friday. */
export const isWorkingDay = (day: string): boolean => {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/**
 * The n-th working day (Monday to Friday) before `today` (n ≥ 1), or after it (n ≤ -1); `today` itself for
 * 0, whatever its weekday. The demo lays its year of history on working days counted back from today, so the
 * same events come in the same order, on the same kind of day, whichever day the seed runs.
 */
export function workingDaysFrom(today: string, n: number): string {
  const step = n > 0 ? -1 : 1;
  let day = today;
  for (let left = Math.abs(n); left > 0; ) {
    day = shiftDate(day, step);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}
