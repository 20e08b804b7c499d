import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import './contributions.tables.ts';

/**
 * The month of the list a payment due in `from` goes into: the first month from `from` on whose list of
 * the municipality is still open (or not made yet) — a checked or closed list takes no new line.
 */
function listMonth(municipality: RawBuilder<unknown>, from: RawBuilder<unknown>) {
  return sql<string>`(SELECT min(g)::date FROM generate_series(${from}::timestamp, ${from}::timestamp + interval '120 months', interval '1 month') g
    WHERE NOT EXISTS (SELECT 1 FROM payment_list pl WHERE pl.municipality_code = ${municipality} AND pl.month = g::date AND pl.status <> 'open'))`;
}

/** The monthly instalments of the contributions approved by a meeting decision, each with the list month it goes into. */
function approvedInstalments(meetingId: string) {
  return sql`SELECT i.*, ${listMonth(sql.ref('i.municipality_code'), sql.ref('i.due_month'))} AS list_month
    FROM (
      SELECT k.id AS contribution_id, k.person_id, k.municipality_code, k.funding_line, k.amount_cents, m::date AS due_month
      FROM team_meeting_decision d
      JOIN contribution k ON k.id = d.contribution_id
      CROSS JOIN LATERAL generate_series(k.first_month::timestamp, k.first_month::timestamp + (k.months - 1) * interval '1 month', interval '1 month') m
      WHERE d.meeting_id = ${meetingId} AND d.decision = 'approve'
    ) i`;
}

/**
 * Puts every month of the contributions a meeting approved into the payment lists of their
 * municipalities, making the missing lists: two set-based statements whatever the number of
 * contributions (10,000 approvals are two round trips, not 10,000).
 */
export async function placeApprovedPayments(trx: Db, meetingId: string, userId: string): Promise<number> {
  await sql`INSERT INTO payment_list (municipality_code, month)
    SELECT DISTINCT t.municipality_code, t.list_month FROM (${approvedInstalments(meetingId)}) t
    ON CONFLICT (municipality_code, month) DO NOTHING`.execute(trx);
  const inserted = await sql`INSERT INTO payment_line (list_id, contribution_id, person_id, due_month, amount_cents, funding_line, created_by)
    SELECT pl.id, t.contribution_id, t.person_id, t.due_month, t.amount_cents, t.funding_line, ${userId}
    FROM (${approvedInstalments(meetingId)}) t
    JOIN payment_list pl ON pl.municipality_code = t.municipality_code AND pl.month = t.list_month`.execute(trx);
  return Number(inserted.numAffectedRows ?? 0);
}

/** The open list of the municipality for the first month from `fromMonth` on that still takes lines (made if missing). */
export async function nextOpenList(trx: Db, municipalityCode: string, fromMonth: string): Promise<{ id: string; month: string }> {
  const target = await sql<{ month: string }>`SELECT to_char(${listMonth(sql.val(municipalityCode), sql`${fromMonth}::date`)}, 'YYYY-MM-DD') AS month`.execute(trx);
  const month = target.rows[0]?.month ?? fromMonth;
  await trx.insertInto('payment_list').values({ municipality_code: municipalityCode, month }).onConflict((oc) => oc.columns(['municipality_code', 'month']).doNothing()).execute();
  const list = await trx.selectFrom('payment_list').select('id').where('municipality_code', '=', municipalityCode).where('month', '=', month).executeTakeFirstOrThrow();
  return { id: list.id, month };
}

/** The first day of the month after `day` (YYYY-MM-DD). */
export function monthAfter(day: string): string {
  const [year, monthNumber] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return monthNumber === 12 ? `${String(year + 1)}-01-01` : `${String(year)}-${String(monthNumber + 1).padStart(2, '0')}-01`;
}

/**
 * Takes back the payments of a revoked contribution: lines still in an open list are removed; a line
 * in a checked or closed list is cancelled by a negative correcting line in the next open list.
 */
export async function cancelPayments(trx: Db, contributionId: string, userId: string, note: string): Promise<void> {
  const lines = await trx
    .selectFrom('payment_line as l')
    .innerJoin('payment_list as pl', 'pl.id', 'l.list_id')
    .select(['l.id', 'l.person_id', 'l.funding_line', 'l.amount_cents', sql<string>`to_char(l.due_month, 'YYYY-MM-DD')`.as('due_month'), 'pl.status', 'pl.municipality_code', sql<string>`to_char(pl.month, 'YYYY-MM-DD')`.as('month')])
    .where('l.contribution_id', '=', contributionId)
    .execute();
  const open = lines.filter((line) => line.status === 'open').map((line) => line.id);
  if (open.length > 0) await trx.deleteFrom('payment_line').where('id', 'in', open).execute();
  for (const line of lines.filter((l) => l.status !== 'open' && l.amount_cents > 0)) {
    const already = await trx.selectFrom('payment_line').select((eb) => eb.fn.sum<string>('amount_cents').as('s')).where('corrects_line_id', '=', line.id).executeTakeFirst();
    const due = line.amount_cents + Number(already?.s ?? 0);
    if (due === 0) continue;
    const list = await nextOpenList(trx, line.municipality_code, monthAfter(line.month));
    await trx
      .insertInto('payment_line')
      .values({ list_id: list.id, contribution_id: contributionId, person_id: line.person_id, due_month: line.due_month, amount_cents: -due, funding_line: line.funding_line, kind: 'correction', corrects_line_id: line.id, note, created_by: userId })
      .execute();
  }
}
