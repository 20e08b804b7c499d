import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { scopeFor } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalid } from '../../platform/http/errors.ts';
import { TIMELINESS_READ } from './permissions.ts';
import type { TimelinessQuery, TimelinessReport, TimelinessRow } from './timeliness.schemas.ts';

const MAX_PERIOD_DAYS = 3 * 366;

interface Aggregate {
  municipality_code: string;
  period: string | null;
  referred: number;
  interviewed: number;
  median_days: number | null;
  p90_days: number | null;
  waiting: number;
  waiting_median_age: number | null;
  waiting_max_age: number | null;
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * Days from referral to the first interview held, per municipality and month or quarter of referral
 * (Italian time). Aggregates only. The query reads nothing but intake_item's columns referred_at,
 * municipality_code and first_interview_at, so PostgreSQL answers it from the index
 * intake_item_timeliness_idx alone (an index-only scan over the period's range). "Waiting" therefore
 * means: no interview held yet.
 */
export async function timeliness(db: Db, actor: Actor, query: TimelinessQuery): Promise<TimelinessReport> {
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
  if (days < 0) throw invalid('to', { it: 'La data finale deve seguire quella iniziale.', en: 'The end date must follow the start date.' });
  if (days > MAX_PERIOD_DAYS) throw invalid('to', { it: 'Il periodo può durare al massimo tre anni.', en: 'The period can last at most three years.' });
  const scope = scopeFor(actor, TIMELINESS_READ);
  const codes = query.municipalityCode ? scope.municipalityCodes.filter((code) => code === query.municipalityCode) : scope.municipalityCodes;
  if (codes.length === 0) return { from: query.from, to: query.to, groupBy: query.groupBy, rows: [], totals: [] };
  const unit = query.groupBy === 'quarter' ? 'quarter' : 'month';
  const result = await sql<Aggregate>`
    WITH items AS (
      SELECT i.municipality_code,
             date_trunc(${unit}, i.referred_at AT TIME ZONE 'Europe/Rome')::date AS period,
             extract(epoch FROM i.first_interview_at - i.referred_at) / 86400.0 AS days,
             CASE WHEN i.first_interview_at IS NULL THEN extract(epoch FROM now() - i.referred_at) / 86400.0 END AS age
      FROM intake_item i
      WHERE i.referred_at >= (${query.from}::date::timestamp AT TIME ZONE 'Europe/Rome')
        AND i.referred_at < ((${query.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')
        AND i.municipality_code = ANY(${codes}::text[])
    )
    SELECT municipality_code, to_char(period, 'YYYY-MM-DD') AS period,
           count(*)::int AS referred,
           count(days)::int AS interviewed,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90_days,
           count(age)::int AS waiting,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY age) AS waiting_median_age,
           max(age)::float8 AS waiting_max_age
    FROM items
    GROUP BY GROUPING SETS ((municipality_code, period), (municipality_code))
    ORDER BY municipality_code, period NULLS LAST`.execute(db);
  const names = new Map(
    (await db.selectFrom('municipality').select(['istat_code', 'name']).where('istat_code', 'in', codes).execute()).map((m) => [m.istat_code, m.name]),
  );
  const toRow = (row: Aggregate): Omit<TimelinessRow, 'period'> => ({
    municipalityCode: row.municipality_code,
    municipalityName: names.get(row.municipality_code) ?? row.municipality_code,
    referred: row.referred,
    interviewed: row.interviewed,
    medianDays: round1(row.median_days),
    p90Days: round1(row.p90_days),
    waiting: row.waiting,
    waitingMedianAgeDays: round1(row.waiting_median_age),
    waitingMaxAgeDays: round1(row.waiting_max_age),
  });
  const byName = (a: { municipalityName: string }, b: { municipalityName: string }) => a.municipalityName.localeCompare(b.municipalityName, 'it');
  return {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    rows: result.rows.filter((r) => r.period !== null).map((r) => ({ ...toRow(r), period: r.period as string })).sort((a, b) => byName(a, b) || a.period.localeCompare(b.period)),
    totals: result.rows.filter((r) => r.period === null).map(toRow).sort(byName),
  };
}
