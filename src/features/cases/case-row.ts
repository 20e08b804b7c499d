import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { coversRecord } from '../../platform/access/scope.ts';
import type { AccessAction } from '../../platform/audit/access-log.schemas.ts';
import type { Db } from '../../platform/db/database.ts';
import { caseScopes, existenceFilter, fullAccessFilter, logCasePersons } from './case-access.ts';
import type { CaseExistence, CaseListRow, CaseSummary } from './cases.schemas.ts';
import './cases.tables.ts';
import '../registry/registry.tables.ts';
import '../territories/territories.tables.ts';
import '../../platform/auth/auth.tables.ts';

/** Every case query starts here: the cases the actor may at least know of, with the full-access flag. */
export function selectCases(trx: Db, actor: Actor) {
  return trx
    .selectFrom('case_record as c')
    .innerJoin('municipality as m', 'm.istat_code', 'c.municipality_code')
    .innerJoin('app_user as o', 'o.id', 'c.owner_id')
    .leftJoin('team as t', 't.id', 'c.team_id')
    .where(existenceFilter(actor))
    .selectAll('c')
    .select([
      'm.name as municipality_name',
      'o.display_name as owner_name',
      't.name as team_name',
      sql<boolean>`${fullAccessFilter(actor)}`.as('full'),
      sql<boolean>`coalesce(c.next_review_on < trama_today() AND c.status <> 'closed', false)`.as('review_overdue'),
    ]);
}

export type CaseRow = Awaited<ReturnType<ReturnType<typeof selectCases>['executeTakeFirstOrThrow']>>;

function baseOf(row: CaseRow) {
  return {
    id: row.id,
    reference: row.reference,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    owner: { id: row.owner_id, displayName: row.owner_name },
    team: row.team_id && row.team_name ? { id: row.team_id, name: row.team_name } : null,
  };
}

/** The existence view: the status only for those holding case.read in the territory (not the desk). */
export function existenceOf(actor: Actor, row: CaseRow): CaseExistence {
  const readsStatus = coversRecord(caseScopes(actor).read, row.municipality_code, row.area_id);
  return { ...baseOf(row), access: 'exists', status: readsStatus ? row.status : null };
}

/** Beneficiary first, then household members, then others (then by name). */
export const PERSON_ORDER = sql`CASE cp.role WHEN 'beneficiary' THEN 0 WHEN 'household_member' THEN 1 ELSE 2 END`;

/** The persons of these cases (names shown only to those with full access). */
export async function casePersons(trx: Db, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return trx
    .selectFrom('case_person as cp')
    .innerJoin('person as p', 'p.id', 'cp.person_id')
    .select(['cp.case_id', 'cp.person_id', 'cp.role', 'cp.municipality_code', 'p.family_name', 'p.given_name', 'p.fiscal_code'])
    .where('cp.case_id', 'in', caseIds)
    .orderBy(PERSON_ORDER)
    .orderBy('p.name_key')
    .execute();
}

export type CasePersonRow = Awaited<ReturnType<typeof casePersons>>[number];

export function summaryOf(row: CaseRow, persons: readonly CasePersonRow[]): CaseSummary {
  return {
    ...baseOf(row),
    access: 'full',
    status: row.status,
    persons: persons
      .filter((p) => p.case_id === row.id)
      .map((p) => ({ personId: p.person_id, familyName: p.family_name, givenName: p.given_name, fiscalCode: p.fiscal_code, role: p.role })),
    needAreaCodes: row.need_area_codes,
    nextReviewOn: row.next_review_on,
    reviewOverdue: row.review_overdue,
    lastActivityAt: row.last_activity_at,
    openedAt: row.opened_at,
    version: row.version,
  };
}

/** Full rows for the cases the actor may read (logged, per person), existence rows for the others. */
export async function listRows(trx: Db, actor: Actor, rows: CaseRow[], action: AccessAction): Promise<CaseListRow[]> {
  const fullIds = rows.filter((row) => row.full).map((row) => row.id);
  const persons = await casePersons(trx, fullIds);
  await logCasePersons(trx, actor, persons, action);
  return rows.map((row) => (row.full ? summaryOf(row, persons) : existenceOf(actor, row)));
}
