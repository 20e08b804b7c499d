import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { AccessAction } from '../../platform/audit/access-log.schemas.ts';
import type { Db } from '../../platform/db/database.ts';
import { recentDiary } from '../case-diary/diary-entries.ts';
import { caseNotFound, fullAccessFilter, logCasePersons, managesCase } from './case-access.ts';
import { existenceOf, PERSON_ORDER, selectCases, summaryOf, type CasePersonRow } from './case-row.ts';
import { CASE_TRANSITIONS, type CaseStatus } from './cases.codes.ts';
import type { CaseDetail, CaseView } from './cases.schemas.ts';

interface StatusJson {
  id: string;
  from: CaseStatus | null;
  to: CaseStatus;
  reason: string;
  at: string;
  byId: string;
  byName: string;
}

/** Timestamps inside JSON come as PostgreSQL writes them: the same ISO form as the columns'. */
const iso = (value: string) => new Date(value).toISOString();

async function historyOf(trx: Db, caseId: string, statuses: StatusJson[], hasTransfers: boolean) {
  // Most cases were never transferred: the case query tells, and saves this round trip.
  const transfers = !hasTransfers ? [] : await trx
    .selectFrom('case_transfer as x')
    .innerJoin('app_user as fo', 'fo.id', 'x.from_owner_id')
    .innerJoin('app_user as to', 'to.id', 'x.to_owner_id')
    .innerJoin('app_user as by', 'by.id', 'x.transferred_by')
    .leftJoin('team as ft', 'ft.id', 'x.from_team_id')
    .leftJoin('team as tt', 'tt.id', 'x.to_team_id')
    .select(['x.id', 'x.reason', 'x.transferred_at', 'x.from_owner_id', 'x.to_owner_id', 'x.transferred_by', 'x.from_team_id', 'x.to_team_id'])
    .select(['fo.display_name as from_owner', 'to.display_name as to_owner', 'by.display_name as by_name', 'ft.name as from_team', 'tt.name as to_team'])
    .where('x.case_id', '=', caseId)
    .orderBy('x.transferred_at')
    .execute();
  const team = (id: string | null, name: string | null) => (id && name ? { id, name } : null);
  return {
    statusHistory: statuses.map((s) => ({ id: s.id, from: s.from, to: s.to, reason: s.reason, at: iso(s.at), by: { id: s.byId, displayName: s.byName } })),
    transfers: transfers.map((x) => ({
      id: x.id,
      fromOwner: { id: x.from_owner_id, displayName: x.from_owner },
      toOwner: { id: x.to_owner_id, displayName: x.to_owner },
      fromTeam: team(x.from_team_id, x.from_team),
      toTeam: team(x.to_team_id, x.to_team),
      reason: x.reason,
      at: x.transferred_at,
      by: { id: x.transferred_by, displayName: x.by_name },
    })),
  };
}

/** The case as the actor may see it: full detail (logged per person) or the existence view; 404 otherwise. */
export async function readCase(trx: Db, actor: Actor, caseId: string, action: AccessAction = 'read'): Promise<CaseView> {
  const row = await selectCases(trx, actor)
    .leftJoin('app_user as ob', 'ob.id', 'c.opened_by')
    .select('ob.display_name as opened_by_name')
    .select([
      sql<string | null>`(SELECT max(g.expires_at) FROM case_access_grant g WHERE g.case_id = c.id AND g.user_id = ${actor.userId} AND g.expires_at > trama_now())`.as('glass_until'),
      sql<boolean>`EXISTS (SELECT 1 FROM case_transfer x WHERE x.case_id = c.id)`.as('has_transfers'),
      // The persons and the status history ride on the case query (one round trip less each), and only
      // for a reader with full access: nobody else's request reads them.
      sql<CasePersonRow[] | null>`CASE WHEN ${fullAccessFilter(actor)} THEN (
        SELECT coalesce(json_agg(json_build_object('case_id', cp.case_id, 'person_id', cp.person_id, 'role', cp.role, 'municipality_code', cp.municipality_code,
          'family_name', p.family_name, 'given_name', p.given_name, 'fiscal_code', p.fiscal_code) ORDER BY ${PERSON_ORDER}, p.name_key), '[]')
        FROM case_person cp JOIN person p ON p.id = cp.person_id WHERE cp.case_id = c.id) END`.as('persons_json'),
      sql<StatusJson[] | null>`CASE WHEN ${fullAccessFilter(actor)} THEN (
        SELECT coalesce(json_agg(json_build_object('id', s.id, 'from', s.from_status, 'to', s.to_status, 'reason', s.reason, 'at', s.changed_at,
          'byId', s.changed_by, 'byName', u.display_name) ORDER BY s.changed_at, s.id), '[]')
        FROM case_status_change s JOIN app_user u ON u.id = s.changed_by WHERE s.case_id = c.id) END`.as('status_json'),
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw caseNotFound();
  if (!row.full) return existenceOf(actor, row);
  return fullDetail(trx, actor, row, action);
}

type DetailRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectCases>['executeTakeFirst']>>> & {
  opened_by_name: string | null;
  glass_until: string | null;
  has_transfers: boolean;
  persons_json: CasePersonRow[] | null;
  status_json: StatusJson[] | null;
};

async function fullDetail(trx: Db, actor: Actor, row: DetailRow, action: AccessAction): Promise<CaseDetail> {
  const persons = row.persons_json ?? [];
  const history = await historyOf(trx, row.id, row.status_json ?? [], row.has_transfers);
  const diary = await recentDiary(trx, actor, row);
  await logCasePersons(trx, actor, persons, action);
  const manages = managesCase(actor, row);
  return {
    ...summaryOf(row, persons),
    intakeItemId: row.intake_item_id,
    openedBy: { id: row.opened_by, displayName: row.opened_by_name ?? '' },
    closedAt: row.closed_at,
    closureReason: row.closure_reason,
    closureOutcome: row.closure_outcome,
    objectiveOutcomes: row.closure_objective_outcomes?.map((o) => ({ ...o, objective: o.objective ?? null })) ?? null,
    allowedTransitions: [...CASE_TRANSITIONS[row.status]],
    ...history,
    breakGlassUntil: row.glass_until,
    canTransfer: manages || row.owner_id === actor.userId,
    recentDiary: diary,
  };
}

/** Re-reads the full case after a write (the actor had full access to write it). */
export async function readFullCase(trx: Db, actor: Actor, caseId: string, action: AccessAction): Promise<CaseDetail> {
  const view = await readCase(trx, actor, caseId, action);
  if (view.access !== 'full') throw caseNotFound();
  return view;
}
