import pg from 'pg';

/** Both engines hand the same JS values back: dates as 'YYYY-MM-DD', instants as ISO strings, bigints as numbers. */
export const toIso = (value: string) => new Date(value).toISOString();
export const { INT8, DATE, TIMESTAMPTZ, NUMERIC } = pg.types.builtins;

/** How long readiness waits for the database before calling it unreachable. */
export const PROBE_TIMEOUT_MS = 2000;
