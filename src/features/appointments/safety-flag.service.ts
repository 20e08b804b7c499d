import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { holds } from '../../platform/access/actor.ts';
import { scopeFor, type Scope } from '../../platform/access/scope.ts';
import type { AccessAction } from '../../platform/audit/access-log.schemas.ts';
import { writeAccessLog } from '../../platform/audit/access-log.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { scopedPersons } from '../registry/person-row.ts';
import { APPOINTMENT_READ, SAFETY_WRITE } from './permissions.ts';
import type { SafetyFlag } from './rooms.schemas.ts';
import './appointments.tables.ts';

export const personNotFound = () => notFound({ it: 'Persona non trovata nei territori di competenza.', en: 'Person not found in your territories.' });

/** The person, if the scope covers it (else 404: nothing tells a person exists elsewhere). */
export async function personInScope(trx: Db, scope: Scope, personId: string, lock?: 'update' | 'share') {
  let query = scopedPersons(trx, scope).select(['p.id', 'p.municipality_code', 'p.area_id', 'p.family_name', 'p.given_name']).where('p.id', '=', personId);
  if (lock === 'update') query = query.forUpdate();
  if (lock === 'share') query = query.forShare();
  const person = await query.executeTakeFirst();
  if (!person) throw personNotFound();
  return person;
}

/** The current (not cleared) flag of a person, read inside the caller's transaction. */
export function currentFlag(trx: Db, personId: string) {
  return trx
    .selectFrom('person_safety_flag as f')
    .innerJoin('app_user as u', 'u.id', 'f.set_by')
    .select(['f.id', 'f.reason', 'f.set_at', 'u.display_name as set_by_name'])
    .where('f.person_id', '=', personId)
    .where('f.cleared_at', 'is', null)
    .executeTakeFirst();
}

const logFlag = (trx: Db, actor: Actor, scope: Scope, action: AccessAction, person: { id: string; municipality_code: string; area_id: string | null }, flagId: string | null) =>
  writeAccessLog(trx, actor, scope, action, [
    { personId: person.id, municipalityCode: person.municipality_code, areaId: person.area_id, recordType: 'safety_flag', recordId: flagId },
  ]);

/** What the actor may know of the flag: that it is set, for everyone who books; why, only for safety.write holders. */
function toFlag(actor: Actor, personId: string, flag: Awaited<ReturnType<typeof currentFlag>>): SafetyFlag {
  if (!flag) return { personId, flagged: false, setAt: null, setByName: null };
  return {
    personId,
    flagged: true,
    setAt: flag.set_at,
    setByName: flag.set_by_name,
    ...(holds(actor, SAFETY_WRITE) ? { reason: flag.reason } : {}),
  };
}

export async function getSafetyFlag(db: Db, actor: Actor, personId: string): Promise<SafetyFlag> {
  const scope = scopeFor(actor, APPOINTMENT_READ);
  return db.transaction().execute(async (trx) => {
    const person = await personInScope(trx, scope, personId);
    const flag = await currentFlag(trx, personId);
    await logFlag(trx, actor, scope, 'read', person, flag?.id ?? null);
    return toFlag(actor, personId, flag);
  });
}

export async function setSafetyFlag(db: Db, actor: Actor, personId: string, reason: string): Promise<SafetyFlag> {
  const scope = scopeFor(actor, SAFETY_WRITE);
  return db.transaction().execute(async (trx) => {
    const person = await personInScope(trx, scope, personId, 'update');
    if (await currentFlag(trx, personId)) {
      throw new AppError('CONFLICT', {
        message: { it: 'La persona ha già una segnalazione di rischio attiva.', en: 'The person already has an active safety flag.' },
      });
    }
    const row = await trx
      .insertInto('person_safety_flag')
      .values({ person_id: personId, municipality_code: person.municipality_code, reason, set_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await logFlag(trx, actor, scope, 'create', person, row.id);
    return toFlag(actor, personId, await currentFlag(trx, personId));
  });
}

export async function clearSafetyFlag(db: Db, actor: Actor, personId: string, reason: string): Promise<SafetyFlag> {
  const scope = scopeFor(actor, SAFETY_WRITE);
  return db.transaction().execute(async (trx) => {
    const person = await personInScope(trx, scope, personId, 'update');
    const cleared = await trx
      .updateTable('person_safety_flag')
      .set({ cleared_at: sql<string>`trama_now()`, cleared_by: actor.userId, clear_reason: reason })
      .where('person_id', '=', personId)
      .where('cleared_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!cleared) {
      throw notFound({ it: 'La persona non ha segnalazioni di rischio attive.', en: 'The person has no active safety flag.' });
    }
    await logFlag(trx, actor, scope, 'update', person, cleared.id);
    return toFlag(actor, personId, undefined);
  });
}
