import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { scopeFor } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalid } from '../../platform/http/errors.ts';
import { TIMELINESS_READ } from './permissions.ts';
import type { TimelinessQuery, TimelinessReport } from './timeliness.schemas.ts';

const MAX_PERIOD_DAYS = 3 * 366;

interface Aggregate {
  municipality_code: string | null;
  period: string;
  referred: number;
  interviewed: number;
  days: [number, number] | null;
  waiting: number;
  ended_without_interview: number;
  waiting_median_age: number | null;
  waiting_max_age: number | null;
}

const round1 = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);

/**
 * Days from referral to the first interview held, per municipality and month or quarter of referral
 * (Italian time), and per period over all the municipalities chosen. Aggregates only.
 *
 * Built for millions of rows: for each period a lateral subquery reads the period's slice of
 * intake_item_timeliness_idx (referred_at, municipality_code) INCLUDE (first_interview_at, status) by
 * an index-only scan (no other column is read, so no heap access; "waiting" means no interview held yet
 * and the referral neither closed nor taken in charge), sorts that small slice in memory and computes the percentiles (percentile_cont, with one
 * sort for median and 90th percentile) only over the rows they concern. JIT is off for the statement:
 * compiling costs more than this plan saves.
 */
export async function timeliness(db: Db, actor: Actor, query: TimelinessQuery): Promise<TimelinessReport> {
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
  if (days < 0) throw invalid('to', { it: 'La data finale deve seguire quella iniziale.', en: 'The end date must follow the start date.' });
  if (days > MAX_PERIOD_DAYS) throw invalid('to', { it: 'Il periodo può durare al massimo tre anni.', en: 'The period can last at most three years.' });
  const scope = scopeFor(actor, TIMELINESS_READ);
  const codes = query.municipalityCode ? scope.municipalityCodes.filter((code) => code === query.municipalityCode) : scope.municipalityCodes;
  const empty: TimelinessReport = { from: query.from, to: query.to, groupBy: query.groupBy, rows: [], periodTotals: [] };
  if (codes.length === 0) return empty;
  // The periods are cut into consecutive slices read at the same time on separate connections: each
  // slice is one backend's sort work, so a long report uses both cores (PGlite simply runs them in turn).
  const slices = await Promise.all(periodSlices(query.from, query.to, query.groupBy, PARALLEL_SLICES).map(([from, to]) => aggregates(db, codes, from, to, query.groupBy)));
  const rows = slices.flat();
  const names = new Map(
    (await db.selectFrom('municipality').select(['istat_code', 'name']).where('istat_code', 'in', codes).execute()).map((m) => [m.istat_code, m.name]),
  );
  const figures = (row: Aggregate) => ({
    period: row.period,
    referred: row.referred,
    interviewed: row.interviewed,
    medianDays: round1(row.days?.[0]),
    p90Days: round1(row.days?.[1]),
    waiting: row.waiting,
    endedWithoutInterview: row.ended_without_interview,
    waitingMedianAgeDays: round1(row.waiting_median_age),
    waitingMaxAgeDays: round1(row.waiting_max_age),
  });
  const byName = (code: string) => names.get(code) ?? code;
  return {
    ...empty,
    rows: rows
      .flatMap((row) => (row.municipality_code === null ? [] : [{ municipalityCode: row.municipality_code, municipalityName: byName(row.municipality_code), ...figures(row) }]))
      .sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, 'it') || a.period.localeCompare(b.period)),
    periodTotals: rows.filter((row) => row.municipality_code === null).map(figures),
  };
}

/** Reports are read in this many slices of whole periods at once (the machine's cores, give or take). */
const PARALLEL_SLICES = 2;

/** [from, to] cut at period starts (first day of a month or quarter) into at most `count` slices. */
export function periodSlices(from: string, to: string, groupBy: 'month' | 'quarter', count: number): [string, string][] {
  const months = groupBy === 'quarter' ? 3 : 1;
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const starts: string[] = [];
  let index = fromYear * 12 + (fromMonth - 1) - ((fromMonth - 1) % months);
  for (;;) {
    index += months;
    const start = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
    if (start > to) break;
    starts.push(start);
  }
  const periods = starts.length + 1;
  const size = Math.ceil(periods / Math.min(count, periods));
  const cuts = starts.filter((_, i) => (i + 1) % size === 0);
  const bounds = [from, ...cuts];
  return bounds.map((start, i) => {
    const next = bounds[i + 1];
    return [start, next ? dayBefore(next) : to];
  });
}

function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function aggregates(db: Db, codes: string[], from: string, to: string, groupBy: 'month' | 'quarter'): Promise<Aggregate[]> {
  const query = { from, to };
  const unit = groupBy === 'quarter' ? 'quarter' : 'month';
  const step = groupBy === 'quarter' ? '3 months' : '1 month';
  const interviewDays = sql`date_part('epoch', i.first_interview_at - i.referred_at) / 86400`;
  const age = sql`date_part('epoch', trama_now() - i.referred_at) / 86400`;
  const waiting = sql`i.first_interview_at IS NULL AND i.status IN ('waiting', 'assigned')`;
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL jit = off`.execute(trx);
    const result = await sql<Aggregate>`
      WITH bounds AS (
        SELECT (${query.from}::date::timestamp AT TIME ZONE 'Europe/Rome') AS lo,
               ((${query.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome') AS hi
      ), periods AS (
        SELECT p::date AS period,
               greatest(p AT TIME ZONE 'Europe/Rome', b.lo) AS starts,
               least((p + ${step}::interval) AT TIME ZONE 'Europe/Rome', b.hi) AS ends
        FROM bounds b, generate_series(date_trunc(${unit}, ${query.from}::date::timestamp), ${query.to}::date::timestamp, ${step}::interval) AS p
      )
      SELECT x.municipality_code, to_char(p.period, 'YYYY-MM-DD') AS period, x.referred, x.interviewed, x.days, x.waiting, x.ended_without_interview,
             x.waiting_median_age, x.waiting_max_age
      FROM periods p CROSS JOIN LATERAL (
        SELECT i.municipality_code,
               count(*)::int AS referred,
               count(i.first_interview_at)::int AS interviewed,
               percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${interviewDays}) FILTER (WHERE i.first_interview_at IS NOT NULL) AS days,
               count(*) FILTER (WHERE ${waiting})::int AS waiting,
               count(*) FILTER (WHERE i.first_interview_at IS NULL AND i.status IN ('closed', 'taken_in_charge'))::int AS ended_without_interview,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY ${age}) FILTER (WHERE ${waiting}) AS waiting_median_age,
               date_part('epoch', trama_now() - min(i.referred_at) FILTER (WHERE ${waiting})) / 86400 AS waiting_max_age
        FROM intake_item i
        WHERE i.referred_at >= p.starts AND i.referred_at < p.ends AND i.municipality_code = ANY(${codes}::text[])
        GROUP BY GROUPING SETS ((i.municipality_code), ())
      ) x
      ORDER BY p.period, x.municipality_code NULLS FIRST`.execute(trx);
    return result.rows;
  });
}
