/**
 * The one clock of Trama: every "now" and "today" of the server, the demo seed and the tests is read
 * here, and the database reads the same one through `trama_now()` / `trama_today()`.
 *
 * Real time unless `TRAMA_NOW` is set: then the process lives on another date, shifted so that it is
 * `TRAMA_NOW` at the real instant `TRAMA_NOW_AT` (epoch milliseconds; the moment this module loads when
 * unset) and time keeps flowing from there. `npm test` sets `TRAMA_NOW_AT` once, so the test runner, its
 * workers, the servers it starts and their databases all share one timeline.
 *
 * Isomorphic: in the browser there is no `process`, the offset is 0 and the page's own clock (which the
 * end-to-end tests set through Playwright) is the clock.
 */

const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};

/** What `TRAMA_NOW` may say: an ISO instant with its offset or Z, or a day (then midday in Italy). */
export function parseClockSetting(value: string): number {
  const trimmed = value.trim();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T12:00:00+01:00` : trimmed;
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  // Date.parse takes 30 February for 1 March: the day must exist.
  const realDay = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
  const ms = realDay && /(Z|[+-]\d{2}:\d{2})$/.test(iso) ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new Error(`TRAMA_NOW must be a day (2028-02-29) or an instant with its offset (2028-02-29T00:20:00+01:00), got "${value}"`);
  }
  return ms;
}

function offsetFromEnv(): number {
  const setting = env.TRAMA_NOW;
  if (!setting) return 0;
  const anchor = env.TRAMA_NOW_AT ? Number(env.TRAMA_NOW_AT) : Date.now();
  if (!Number.isFinite(anchor)) throw new Error(`TRAMA_NOW_AT must be epoch milliseconds, got "${env.TRAMA_NOW_AT ?? ''}"`);
  return parseClockSetting(setting) - anchor;
}

const offsetMs = offsetFromEnv();

export const clock = {
  /** Milliseconds since the epoch on Trama's clock. */
  nowMs: (): number => Date.now() + offsetMs,
  /** This instant on Trama's clock. */
  now: (): Date => new Date(Date.now() + offsetMs),
  /** How far Trama's clock is from the machine's, in milliseconds (0 unless TRAMA_NOW is set). */
  offsetMs: (): number => offsetMs,
  /** The offset that would make it `at` now (a database opened on another date, see openDatabase). */
  offsetTo: (at: Date): number => at.getTime() - Date.now(),
};
