import type { Actor } from '../../platform/access/actor.ts';
import { inScope, type Scope } from '../../platform/access/scope.ts';
import type { AccessAction } from '../../platform/audit/access-log.schemas.ts';
import { writeAccessLog } from '../../platform/audit/access-log.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound, type Bilingual } from '../../platform/http/errors.ts';
import './households.tables.ts';
import { dayInRome } from '../../platform/time/rome.ts';

/** The access-log record type of every household read and write. */
export const RECORD_TYPE = 'household';

export const householdNotFound = () =>
  notFound({ it: 'Nucleo familiare non trovato nei territori di competenza.', en: 'Household not found in your territories.' });
export const memberNotFound = () =>
  notFound({ it: 'Componente non trovato in questo nucleo familiare.', en: 'Member not found in this household.' });
export const personNotFound = () => notFound({ it: 'Persona non trovata nei territori di competenza.', en: 'Person not found in your territories.' });
export const conflict = (message: Bilingual, data?: unknown) => new AppError('CONFLICT', { message, ...(data === undefined ? {} : { data }) });

/** Today in Italy, as YYYY-MM-DD: the day the desk works in, whatever the server's time zone. */
export function today(): string {
  return dayInRome();
}

export function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** dd/mm/yyyy, for messages (both languages use it in Italy). */
export const shown = (isoDate: string) => isoDate.split('-').reverse().join('/');

/** A date of a membership: never in the future (the household records what happened). */
export function assertNotFuture(field: string, date: string): void {
  if (date > today()) {
    throw invalid(field, {
      it: `La data ${shown(date)} è nel futuro: indicare una data fino a oggi.`,
      en: `The date ${shown(date)} is in the future: give a date up to today.`,
    });
  }
}

export const wrongOrder = (field: string, it: string, en: string) => invalid(field, { it, en });

/** Households of the scope's territories: every household query starts here. */
export function scopedHouseholds(db: Db, scope: Scope) {
  return db.selectFrom('household as h').where(inScope(scope, 'h.municipality_code', 'h.area_id'));
}

export interface LockedHousehold {
  id: string;
  municipality_code: string;
  area_id: string | null;
  version: number;
}

/** The household, locked for the transaction, so membership changes of one household run one at a time. */
export async function lockHousehold(trx: Db, scope: Scope, id: string): Promise<LockedHousehold> {
  const household = await scopedHouseholds(trx, scope)
    .select(['h.id', 'h.municipality_code', 'h.area_id', 'h.version'])
    .where('h.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!household) throw householdNotFound();
  return household;
}

export interface CurrentMember {
  id: string;
  person_id: string;
  relationship: string;
  valid_from: string;
}

export function currentMembers(trx: Db, householdId: string): Promise<CurrentMember[]> {
  return trx
    .selectFrom('household_member')
    .select(['id', 'person_id', 'relationship', 'valid_from'])
    .where('household_id', '=', householdId)
    .where('valid_to', 'is', null)
    .execute();
}

export interface LoggedChange {
  personId: string;
  householdId: string | null;
  municipalityCode: string;
}

/** One access-log row per person and household, in the transaction of the read or write. */
export function logHousehold(trx: Db, actor: Actor, scope: Scope, action: AccessAction, changes: LoggedChange[]): Promise<void> {
  const unique = new Map(changes.map((change) => [`${change.personId}:${change.householdId ?? ''}`, change]));
  return writeAccessLog(
    trx,
    actor,
    scope,
    action,
    [...unique.values()].map((change) => ({
      personId: change.personId,
      municipalityCode: change.municipalityCode,
      recordType: RECORD_TYPE,
      recordId: change.householdId,
    })),
  );
}
