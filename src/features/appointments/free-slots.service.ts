import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { FreeSlot, FreeSlotsQuery } from './appointments.schemas.ts';

/** Office hours in Italy within which free slots are offered, and the step between two slot starts. */
const DAY_START = '08:30';
const DAY_END = '17:30';
const STEP_MINUTES = 30;

/**
 * The slots of a day (Italian time) in which neither the worker nor the room has a live appointment,
 * from now on. Only times are returned: no personal data, so nothing to log.
 */
export async function freeSlots(db: Db, query: FreeSlotsQuery): Promise<FreeSlot[]> {
  const length = sql`make_interval(mins => ${query.minutes}::int)`;
  const first = sql`((${query.date}::date + ${DAY_START}::time) AT TIME ZONE 'Europe/Rome')`;
  const last = sql`((${query.date}::date + ${DAY_END}::time) AT TIME ZONE 'Europe/Rome') - ${length}`;
  const result = await sql<{ starts_at: string; ends_at: string }>`
    SELECT s AS starts_at, s + ${length} AS ends_at
    FROM generate_series(${first}, ${last}, make_interval(mins => ${STEP_MINUTES}::int)) AS s
    WHERE s > trama_now()
      AND NOT EXISTS (
        SELECT 1 FROM appointment a
        WHERE (a.worker_id = ${query.workerId}::uuid OR a.room_id = ${query.roomId ?? null}::uuid)
          AND a.status IN ('scheduled', 'held')
          AND tstzrange(a.starts_at, a.ends_at) && tstzrange(s, s + ${length}))
    ORDER BY s`.execute(db);
  return result.rows.map((row) => ({ startsAt: row.starts_at, endsAt: row.ends_at }));
}
