import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { inactivityDaysSql, nearDeadlineDaysSql } from '../case-settings/thresholds.ts';
import { fullAccessFilter, logCaseAccess } from '../cases/case-access.ts';
import { today } from '../households/household-rules.ts';
import { daysBetween } from '../procedures/deadline.ts';
import { WORKLIST_COUNT_CAP, type WorklistSection } from './worklist.codes.ts';
import type { WorklistItem, WorklistPage, WorklistQuery, WorklistSummary } from './worklist.schemas.ts';
import './worklist.tables.ts';
import '../procedures/procedures.tables.ts';
import '../case-settings/case-settings.tables.ts';
import '../registry/registry.tables.ts';

/**
 * The worklist: what needs attention on the cases the actor fully sees (owner, team, the territory's
 * manager — fullAccessFilter). Each section scans one partial index in its order and stops at the page
 * (review: case_record_review_idx; inactivity: case_record_activity_idx; procedures:
 * case_procedure_due_idx); counts stop at WORKLIST_COUNT_CAP, so nothing scans all cases of a territory.
 *
 * Notifications are the same items: each has the day it started to need attention (`since`); the
 * user's "seen up to" day (worklist_seen) tells new ones from seen ones. No row per notification.
 */
const seenOn = (actor: Actor) => sql<string>`coalesce((SELECT w.seen_on FROM worklist_seen w WHERE w.user_id = ${actor.userId}), '0001-01-01'::date)`;

function reviewQuery(trx: Db, actor: Actor, day: string) {
  return trx
    .selectFrom('case_record as c')
    .where('c.status', '<>', 'closed')
    .where('c.next_review_on', '<', day)
    .where(fullAccessFilter(actor))
    .select(['c.id as case_id', 'c.reference', 'c.owner_id', sql<string>`c.next_review_on`.as('date'), sql<string>`c.next_review_on + 1`.as('since')])
    .select([sql<string | null>`NULL::uuid`.as('procedure_id'), sql<string | null>`NULL::text`.as('type_name'), sql<string | null>`NULL::text`.as('subject')])
    .orderBy('c.next_review_on')
    .orderBy('c.id');
}

function inactiveQuery(trx: Db, actor: Actor, day: string) {
  const cutoff = sql<string>`((${day}::date - ${inactivityDaysSql} + 1)::timestamp AT TIME ZONE 'Europe/Rome')`;
  const lastDay = sql`(c.last_activity_at AT TIME ZONE 'Europe/Rome')::date`;
  return trx
    .selectFrom('case_record as c')
    .where('c.status', '<>', 'closed')
    .where('c.last_activity_at', '<', cutoff)
    .where(fullAccessFilter(actor))
    .select(['c.id as case_id', 'c.reference', 'c.owner_id', sql<string>`${lastDay}`.as('date'), sql<string>`${lastDay} + ${inactivityDaysSql}`.as('since')])
    .select([sql<string | null>`NULL::uuid`.as('procedure_id'), sql<string | null>`NULL::text`.as('type_name'), sql<string | null>`NULL::text`.as('subject')])
    .orderBy('c.last_activity_at')
    .orderBy('c.id');
}

function proceduresQuery(trx: Db, actor: Actor, day: string) {
  return trx
    .selectFrom('case_procedure as p')
    .innerJoin('case_record as c', 'c.id', 'p.case_id')
    .innerJoin('procedure_type as t', 't.id', 'p.procedure_type_id')
    .where('p.decided_on', 'is', null)
    .where('p.suspended_since', 'is', null)
    .where('p.due_on', '<=', sql<string>`${day}::date + ${nearDeadlineDaysSql}`)
    .where(fullAccessFilter(actor))
    .select(['c.id as case_id', 'c.reference', 'c.owner_id', sql<string>`p.due_on`.as('date'), sql<string>`greatest(p.due_on - ${nearDeadlineDaysSql}, p.started_on)`.as('since')])
    .select(['p.id as procedure_id', 't.name as type_name', 'p.subject'])
    .orderBy('p.due_on')
    .orderBy('p.id');
}

const sectionQuery = (trx: Db, actor: Actor, section: WorklistSection, day: string) =>
  section === 'review' ? reviewQuery(trx, actor, day) : section === 'inactive' ? inactiveQuery(trx, actor, day) : proceduresQuery(trx, actor, day);

/** Capped count of a section, and of its items new since the user's marker: one scalar subquery each. */
function cappedCount(trx: Db, actor: Actor, section: WorklistSection, day: string, onlyNew: boolean): RawBuilder<number> {
  let query = sectionQuery(trx, actor, section, day).clearOrderBy().clearSelect().select(sql<string>`1`.as('one'));
  if (onlyNew) {
    const since = section === 'review' ? sql`c.next_review_on + 1` : section === 'inactive' ? sql`(c.last_activity_at AT TIME ZONE 'Europe/Rome')::date + ${inactivityDaysSql}` : sql`greatest(p.due_on - ${nearDeadlineDaysSql}, p.started_on)`;
    query = query.where(sql<SqlBool>`${since} > ${seenOn(actor)}` as Expression<SqlBool>);
  }
  return sql<number>`(SELECT count(*)::int FROM (${query.limit(WORKLIST_COUNT_CAP)}) x)`;
}

/** The header counter: one statement, six capped counts. Reads no case content (nothing to log). */
export async function worklistSummary(db: Db, actor: Actor): Promise<WorklistSummary> {
  const day = today();
  const count = (section: WorklistSection, onlyNew: boolean) => cappedCount(db, actor, section, day, onlyNew);
  const result = await sql<{ review: number; inactive: number; procedures: number; review_new: number; inactive_new: number; procedures_new: number; seen_on: string | null }>`
    SELECT ${count('review', false)} AS review, ${count('inactive', false)} AS inactive, ${count('procedures', false)} AS procedures,
      ${count('review', true)} AS review_new, ${count('inactive', true)} AS inactive_new, ${count('procedures', true)} AS procedures_new,
      (SELECT w.seen_on FROM worklist_seen w WHERE w.user_id = ${actor.userId}) AS seen_on`.execute(db);
  const row = result.rows[0]!;
  return {
    review: row.review,
    inactive: row.inactive,
    procedures: row.procedures,
    total: row.review + row.inactive + row.procedures,
    unseen: row.review_new + row.inactive_new + row.procedures_new,
    cap: WORKLIST_COUNT_CAP,
    seenOn: row.seen_on,
  };
}

/** One page of a section, with a capped total; the cases listed are logged as read. */
export function worklistPage(db: Db, actor: Actor, section: WorklistSection, query: WorklistQuery): Promise<WorklistPage> {
  return db.transaction().execute(async (trx) => {
    const day = today();
    const rows = await sectionQuery(trx, actor, section, day).offset(query.offset).limit(query.limit).execute();
    const totals = await sql<{ total: number; seen_on: string | null; inactivity: number; near: number }>`
      SELECT ${cappedCount(trx, actor, section, day, false)} AS total,
        (SELECT w.seen_on FROM worklist_seen w WHERE w.user_id = ${actor.userId}) AS seen_on, ${inactivityDaysSql} AS inactivity, ${nearDeadlineDaysSql} AS near`.execute(trx);
    const { total, seen_on: seen, inactivity, near } = totals.rows[0]!;
    const caseIds = [...new Set(rows.map((r) => r.case_id))];
    const names = new Map<string, string>();
    const owners = new Map<string, string>();
    if (caseIds.length > 0) {
      const beneficiaries = await trx
        .selectFrom('case_person as cp')
        .innerJoin('person as p', 'p.id', 'cp.person_id')
        .select(['cp.case_id', 'p.family_name', 'p.given_name'])
        .where('cp.case_id', 'in', caseIds)
        .where('cp.role', '=', 'beneficiary')
        .orderBy('cp.added_at')
        .execute();
      for (const b of beneficiaries) if (!names.has(b.case_id)) names.set(b.case_id, `${b.family_name} ${b.given_name}`);
      const users = await trx.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', [...new Set(rows.map((r) => r.owner_id))]).execute();
      for (const u of users) owners.set(u.id, u.display_name);
    }
    await logCaseAccess(trx, actor, caseIds, 'read', 'case');
    const items: WorklistItem[] = rows.map((r) => ({
      section,
      caseId: r.case_id,
      reference: r.reference,
      beneficiary: names.get(r.case_id) ?? null,
      owner: { id: r.owner_id, displayName: owners.get(r.owner_id) ?? '' },
      date: r.date,
      days: section === 'procedures' ? daysBetween(day, r.date) : daysBetween(r.date, day),
      since: r.since,
      isNew: seen === null || r.since > seen,
      procedure: r.procedure_id ? { id: r.procedure_id, typeName: r.type_name ?? '', subject: r.subject ?? '' } : null,
    }));
    return { items, total, capped: total >= WORKLIST_COUNT_CAP, inactivityDays: inactivity, nearDeadlineDays: near };
  });
}

/** Marks the notifications seen up to today: the counter shows only what needs attention from tomorrow on. */
export async function markSeen(db: Db, actor: Actor): Promise<WorklistSummary> {
  const day = today();
  await db
    .insertInto('worklist_seen')
    .values({ user_id: actor.userId, seen_on: day })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ seen_on: day, seen_at: sql<string>`trama_now()` }))
    .execute();
  return worklistSummary(db, actor);
}
