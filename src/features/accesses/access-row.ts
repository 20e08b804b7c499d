import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope, type Scope } from '../../platform/access/scope.ts';
import type { AccessAction } from '../../platform/audit/access-log.schemas.ts';
import { writeAccessLog } from '../../platform/audit/access-log.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Access, AccessPerson } from './accesses.schemas.ts';
import './accesses.tables.ts';
import '../catalogue/catalogue.tables.ts';
import '../registry/registry.tables.ts';
import '../territories/territories.tables.ts';
import '../../platform/auth/auth.tables.ts';

export const accessNotFound = () =>
  notFound({ it: 'Accesso non trovato nei territori di competenza.', en: 'Access not found in your territories.' });

/** The scoped accessor of access records: every query on them starts here, with the territorial filter. */
export function scopedAccesses(db: Db, scope: Scope) {
  return db.selectFrom('access_record as a').where(inScope(scope, 'a.municipality_code', 'a.area_id'));
}

type AccessQuery = ReturnType<typeof scopedAccesses>;

/** The columns an Access is built from: the record, the desk's name, the service, who recorded, the intake item. */
export function selectAccess(query: AccessQuery) {
  return query
    .innerJoin('municipality as m', 'm.istat_code', 'a.municipality_code')
    .innerJoin('app_user as u', 'u.id', 'a.recorded_by')
    .leftJoin('service as s', 's.id', 'a.outcome_service_id')
    .leftJoin('intake_item as i', 'i.access_id', 'a.id')
    .leftJoin('app_user as w', 'w.id', 'i.assigned_to')
    .selectAll('a')
    .select(['m.name as municipality_name', 'u.display_name as recorded_by_name', 's.name as service_name', 'i.id as intake_id', 'i.status as intake_status', 'w.display_name as assigned_to_name']);
}

export type AccessRow = Awaited<ReturnType<ReturnType<typeof selectAccess>['executeTakeFirstOrThrow']>>;

export interface PersonLink extends AccessPerson {
  accessId: string;
  municipalityCode: string;
}

/** The persons concerned by these accesses (the access grants the sight of their names). */
export async function personsOf(db: Db, accessIds: string[]): Promise<PersonLink[]> {
  if (accessIds.length === 0) return [];
  const rows = await db
    .selectFrom('access_person as ap')
    .innerJoin('person as p', 'p.id', 'ap.person_id')
    .select(['ap.access_id', 'ap.person_id', 'ap.involvement', 'p.family_name', 'p.given_name', 'p.fiscal_code', 'p.municipality_code'])
    .where('ap.access_id', 'in', accessIds)
    .orderBy(sql`CASE ap.involvement WHEN 'beneficiary' THEN 0 WHEN 'requester' THEN 1 ELSE 2 END`)
    .orderBy('ap.linked_at')
    .orderBy('p.name_key')
    .execute();
  return rows.map((row) => ({
    accessId: row.access_id,
    personId: row.person_id,
    involvement: row.involvement,
    familyName: row.family_name,
    givenName: row.given_name,
    fiscalCode: row.fiscal_code,
    municipalityCode: row.municipality_code,
  }));
}

export function toAccess(row: AccessRow, persons: PersonLink[]): Access {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    channel: row.channel,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    areaId: row.area_id,
    needAreaCode: row.need_area_code,
    request: row.request,
    outcome: row.outcome,
    outcomeServiceId: row.outcome_service_id,
    outcomeServiceName: row.service_name,
    outcomeNotes: row.outcome_notes,
    referralUrgency: row.referral_urgency,
    anonymousDescription: row.anonymous_description,
    persons: persons
      .filter((p) => p.accessId === row.id)
      .map(({ personId, familyName, givenName, fiscalCode, involvement }) => ({ personId, familyName, givenName, fiscalCode, involvement })),
    recordedByName: row.recorded_by_name,
    intake: row.intake_id && row.intake_status ? { id: row.intake_id, status: row.intake_status, assignedToName: row.assigned_to_name } : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Builds the Accesses of these rows and logs, in the same transaction, each person they name. */
export async function accessesWithLog(trx: Db, actor: Actor, scope: Scope, action: AccessAction, rows: AccessRow[]): Promise<Access[]> {
  const persons = await personsOf(trx, rows.map((row) => row.id));
  await writeAccessLog(
    trx,
    actor,
    scope,
    action,
    persons.map((p) => ({ personId: p.personId, municipalityCode: p.municipalityCode, recordType: 'access', recordId: p.accessId })),
  );
  return rows.map((row) => toAccess(row, persons));
}

/** One access of the actor's territories, read and logged. */
export async function readAccess(trx: Db, actor: Actor, scope: Scope, id: string, action: AccessAction = 'read'): Promise<Access> {
  const row = await selectAccess(scopedAccesses(trx, scope)).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw accessNotFound();
  const [access] = await accessesWithLog(trx, actor, scope, action, [row]);
  if (!access) throw accessNotFound();
  return access;
}
