import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { coversRecord, inScope, scopeFor, type Scope } from '../../platform/access/scope.ts';
import type { AccessAction, AccessOutcome } from '../../platform/audit/access-log.schemas.ts';
import { writeAccessLog } from '../../platform/audit/access-log.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { CASE_EXISTS, CASE_MANAGE, CASE_READ } from './permissions.ts';
import './cases.tables.ts';
import '../users/users.tables.ts';

/**
 * The one decision on case records, called by every case feature (diary, documents, assessment, …):
 * - `full`: the owner, members of the case's team, the territory's service manager, or a user with an
 *   unexpired break-the-glass grant — always within the actor's `case.read` territory;
 * - `exists`: other social workers of the territory (that the case exists, its status, who owns it) and
 *   the front desk (that a case exists and whom to call);
 * - `none`: everybody else (provider, official, admin, citizen, other territories): the case is "not found".
 */
export type CaseAccessLevel = 'full' | 'exists' | 'none';

export interface CaseTerritory {
  id: string;
  municipality_code: string;
  area_id: string | null;
  owner_id: string;
  team_id: string | null;
}

export const caseNotFound = () =>
  notFound({ it: 'Caso non trovato nei territori di competenza.', en: 'Case not found in your territories.' });

/** The scopes the decision uses, computed once per request. */
export function caseScopes(actor: Actor) {
  return { read: scopeFor(actor, CASE_READ), exists: scopeFor(actor, CASE_EXISTS), manage: scopeFor(actor, CASE_MANAGE) };
}

/**
 * SQL condition: the actor has full access to the case row aliased `alias` (default `c`). Lists select
 * it as a column to tell full rows from existence-only ones; content queries add it as a filter.
 */
export function fullAccessFilter(actor: Actor, alias = 'c'): Expression<SqlBool> {
  const { read, manage } = caseScopes(actor);
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<SqlBool>`(${inScope(read, `${alias}.municipality_code`, `${alias}.area_id`)} AND (
    ${col('owner_id')} = ${actor.userId}
    OR ${col('team_id')} IN (SELECT tm.team_id FROM team_member tm WHERE tm.user_id = ${actor.userId})
    OR ${inScope(manage, `${alias}.municipality_code`, `${alias}.area_id`)}
    OR EXISTS (SELECT 1 FROM case_access_grant g WHERE g.case_id = ${col('id')} AND g.user_id = ${actor.userId} AND g.expires_at > trama_now())
  ))`;
}

/** SQL condition: the actor may at least know the case exists (its `case.exists` territory). */
export function existenceFilter(actor: Actor, alias = 'c'): Expression<SqlBool> {
  return inScope(caseScopes(actor).exists, `${alias}.municipality_code`, `${alias}.area_id`);
}

/** The access level of the actor on one case, read in the caller's transaction. */
export async function caseAccessLevel(trx: Db, actor: Actor, caseId: string): Promise<{ level: CaseAccessLevel; record: CaseTerritory | null }> {
  const row = await trx
    .selectFrom('case_record as c')
    .select(['c.id', 'c.municipality_code', 'c.area_id', 'c.owner_id', 'c.team_id', sql<boolean>`${fullAccessFilter(actor)}`.as('full')])
    .where('c.id', '=', caseId)
    .where(existenceFilter(actor))
    .executeTakeFirst();
  if (!row) return { level: 'none', record: null };
  const { full, ...record } = row;
  return { level: full ? 'full' : 'exists', record };
}

/** Whether the actor manages the case's territory (transfers, break-the-glass events). */
export function managesCase(actor: Actor, record: Pick<CaseTerritory, 'municipality_code' | 'area_id'>): boolean {
  return coversRecord(caseScopes(actor).manage, record.municipality_code, record.area_id);
}

/** The 403 of an actor who may know the case exists but not read it; `loggingRefusal` logs it. */
export class CaseContentRefused extends AppError {
  constructor(readonly caseId: string) {
    super('FORBIDDEN', {
      message: {
        it: 'Il caso esiste ma non fa parte dei propri casi: per leggerlo in urgenza usare «Accesso in emergenza» indicando il motivo.',
        en: 'The case exists but is not one of yours: to read it urgently use "Emergency access" and state the reason.',
      },
    });
  }
}

/**
 * The gate of every read or write of case content: throws 404 when the actor may not know the case,
 * 403 when only its existence is visible; otherwise returns the case's territory.
 */
export async function requireCaseContent(trx: Db, actor: Actor, caseId: string): Promise<CaseTerritory> {
  const { level, record } = await caseAccessLevel(trx, actor, caseId);
  if (level === 'none' || !record) throw caseNotFound();
  if (level === 'exists') throw new CaseContentRefused(caseId);
  return record;
}

/** Same as requireCaseContent, locking the case row for an update in the caller's transaction. */
export async function lockCaseContent(trx: Db, actor: Actor, caseId: string) {
  await requireCaseContent(trx, actor, caseId);
  return trx.selectFrom('case_record').selectAll().where('id', '=', caseId).forUpdate().executeTakeFirstOrThrow();
}

/** A person of a case as the access log names it. */
export interface CasePersonRef {
  case_id: string;
  person_id: string;
  municipality_code: string;
}

/** Logs a read (or write) of case content for every person of the cases, in the caller's transaction. */
export async function logCaseAccess(
  trx: Db,
  actor: Actor,
  caseIds: string[],
  action: AccessAction,
  recordType = 'case',
  outcome: AccessOutcome = 'allowed',
): Promise<void> {
  if (caseIds.length === 0) return;
  const persons = await trx.selectFrom('case_person').select(['case_id', 'person_id', 'municipality_code']).where('case_id', 'in', caseIds).execute();
  await logCasePersons(trx, actor, persons, action, recordType, outcome);
}

/** Same as logCaseAccess for persons the caller has already read (saves reading them again). */
export async function logCasePersons(
  trx: Db,
  actor: Actor,
  persons: readonly CasePersonRef[],
  action: AccessAction,
  recordType = 'case',
  outcome: AccessOutcome = 'allowed',
): Promise<void> {
  if (persons.length === 0) return;
  const scope: Scope = caseScopes(actor).read;
  await writeAccessLog(
    trx,
    actor,
    scope.grants.length > 0 ? scope : caseScopes(actor).exists,
    action,
    persons.map((p) => ({ personId: p.person_id, municipalityCode: p.municipality_code, recordType, recordId: p.case_id })),
    outcome,
  );
}

/**
 * Runs `attempt` (which opens its own transaction on one case); when the gate refuses the content (403,
 * existence only), writes the refused attempt to the access log in a transaction of its own — the
 * attempt's transaction has rolled back — then lets the 403 go on. A manager thus sees who tried.
 */
export async function loggingRefusal<T>(db: Db, actor: Actor, access: { action: AccessAction; recordType: string }, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof CaseContentRefused) {
      await db.transaction().execute((trx) => logCaseAccess(trx, actor, [error.caseId], access.action, access.recordType, 'refused'));
    }
    throw error;
  }
}

/**
 * Runs `work` on one case's content in one transaction: the gate first (404 / 403 as requireCaseContent),
 * then one access-log row per person of the case with `action` and `recordType` (e.g. 'case_diary').
 * Every case sub-feature (diary, documents, letters, procedures, assessments, meetings) goes through here,
 * so no read or write of case content can skip the log.
 */
export async function withCaseContent<T>(
  db: Db,
  actor: Actor,
  caseId: string,
  access: { action: AccessAction; recordType: string; lock?: boolean },
  work: (trx: Db, record: CaseTerritory) => Promise<T>,
): Promise<T> {
  return loggingRefusal(db, actor, access, () =>
    db.transaction().execute(async (trx) => {
      const record = await requireCaseContent(trx, actor, caseId);
      if (access.lock) await trx.selectFrom('case_record').select('id').where('id', '=', caseId).forUpdate().execute();
      const result = await work(trx, record);
      await logCaseAccess(trx, actor, [caseId], access.action, access.recordType);
      return result;
    }),
  );
}

/** Marks activity on the case (a diary entry, a document, an assessment…): feeds the "no activity for N days" worklist. */
export async function touchCaseActivity(trx: Db, caseId: string): Promise<void> {
  await trx.updateTable('case_record').set({ last_activity_at: sql<string>`trama_now()` }).where('id', '=', caseId).execute();
}
