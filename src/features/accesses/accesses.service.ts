import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { scopeFor } from '../../platform/access/scope.ts';
import { writeAccessLog, type AccessRecord } from '../../platform/audit/access-log.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { scopedPersons } from '../registry/person-row.ts';
import { accessNotFound, accessesWithLog, personsOf, readAccess, scopedAccesses, selectAccess, toAccess } from './access-row.ts';
import { checkAccessFields, checkPersons, requireSomeone } from './access-rules.ts';
import type { Access, AccessFields, AccessListQuery, AccessPage, LinkPersonBody } from './accesses.schemas.ts';
import { ACCESS_READ, ACCESS_WRITE } from './permissions.ts';

const DESK_ZONE = 'Europe/Rome';
/** The timeline shows this many accesses, newest first. */
const TIMELINE_LIMIT = 200;


const columnsOf = (fields: AccessFields) => ({
  occurred_at: fields.occurredAt,
  channel: fields.channel,
  municipality_code: fields.municipalityCode,
  area_id: fields.areaId ?? null,
  need_area_code: fields.needAreaCode,
  request: fields.request,
  outcome: fields.outcome,
  outcome_service_id: fields.outcomeServiceId ?? null,
  outcome_notes: fields.outcomeNotes || null,
  referral_urgency: fields.outcome === 'referral' ? (fields.referralUrgency ?? null) : null,
  anonymous_description: fields.anonymousDescription || null,
});

/** A referral puts an item in the intake queue of the desk's territory, in the caller's transaction. */
async function addIntakeItem(trx: Db, accessId: string, fields: AccessFields): Promise<void> {
  if (fields.outcome !== 'referral' || !fields.referralUrgency) return;
  await trx
    .insertInto('intake_item')
    .values({
      access_id: accessId,
      municipality_code: fields.municipalityCode,
      area_id: fields.areaId ?? null,
      urgency: fields.referralUrgency,
      referred_at: fields.occurredAt,
    })
    .execute();
}

export async function getAccess(db: Db, actor: Actor, id: string): Promise<Access> {
  const scope = scopeFor(actor, ACCESS_READ);
  return db.transaction().execute((trx) => readAccess(trx, actor, scope, id));
}

const referralKept = {
  it: 'L’invio è già nella coda di accoglienza: per annullarlo chiudere l’elemento della coda con un motivo.',
  en: 'The referral is already in the intake queue: to cancel it, close the queue item with a reason.',
};
const deskKept = {
  it: 'L’invio è già stato assegnato: il comune dello sportello non si può più cambiare.',
  en: 'The referral has already been assigned: the desk’s municipality can no longer change.',
};

export async function updateAccess(db: Db, actor: Actor, id: string, fields: AccessFields, version: number): Promise<Access> {
  const scope = scopeFor(actor, ACCESS_WRITE);
  const outcome = await db.transaction().execute(async (trx) => {
    const current = await scopedAccesses(trx, scope).select(['a.id', 'a.version', 'a.municipality_code', 'a.area_id']).where('a.id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw accessNotFound();
    if (current.version !== version) return { conflict: await readAccess(trx, actor, scope, id) };
    await checkAccessFields(trx, scope, fields, 'access.');
    const linked = await trx.selectFrom('access_person').select('person_id').where('access_id', '=', id).execute();
    requireSomeone(linked, fields.anonymousDescription, 'access.anonymousDescription');
    const intake = await trx.selectFrom('intake_item').select(['id', 'status']).where('access_id', '=', id).forUpdate().executeTakeFirst();
    if (intake) {
      if (fields.outcome !== 'referral') throw new AppError('CONFLICT', { message: referralKept });
      const moved = current.municipality_code !== fields.municipalityCode || current.area_id !== (fields.areaId ?? null);
      if (moved && intake.status !== 'waiting') throw new AppError('CONFLICT', { message: deskKept });
      if (intake.status === 'waiting' || intake.status === 'assigned') {
        await trx
          .updateTable('intake_item')
          .set((eb) => ({
            urgency: fields.referralUrgency ?? 'ordinary',
            municipality_code: fields.municipalityCode,
            area_id: fields.areaId ?? null,
            referred_at: fields.occurredAt,
            version: eb('version', '+', 1),
          }))
          .where('id', '=', intake.id)
          .execute();
      }
    } else {
      await addIntakeItem(trx, id, fields);
    }
    await trx
      .updateTable('access_record')
      .set({ ...columnsOf(fields), version: version + 1, updated_at: sql`trama_now()`, updated_by: actor.userId })
      .where('id', '=', id)
      .execute();
    return { saved: await readAccess(trx, actor, scope, id, 'update') };
  });
  if ('conflict' in outcome) throw new AppError('VERSION_CONFLICT', { data: { current: outcome.conflict } });
  return outcome.saved;
}

/** Links a registered person to an access (typically an anonymous first contact); its intake item follows the access. */
export async function linkPerson(db: Db, actor: Actor, id: string, body: LinkPersonBody): Promise<Access> {
  const scope = scopeFor(actor, ACCESS_WRITE);
  return db.transaction().execute(async (trx) => {
    const access = await scopedAccesses(trx, scope).select(['a.id', 'a.municipality_code']).where('a.id', '=', id).forUpdate().executeTakeFirst();
    if (!access) throw accessNotFound();
    await checkPersons(trx, scope, [body], () => 'personId');
    const already = await trx.selectFrom('access_person').select('person_id').where('access_id', '=', id).where('person_id', '=', body.personId).executeTakeFirst();
    if (already) {
      throw new AppError('CONFLICT', { message: { it: 'La persona è già collegata a questo accesso.', en: 'The person is already linked to this access.' } });
    }
    await trx
      .insertInto('access_person')
      .values({ access_id: id, person_id: body.personId, involvement: body.involvement, municipality_code: access.municipality_code, linked_by: actor.userId })
      .execute();
    await trx
      .updateTable('access_record')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: sql`trama_now()`, updated_by: actor.userId }))
      .where('id', '=', id)
      .execute();
    return readAccess(trx, actor, scope, id, 'update');
  });
}

const startOfDay = (date: string) => sql<string>`(${date}::date::timestamp AT TIME ZONE ${DESK_ZONE})`;

/** The desk's recent accesses of its territories, newest first; each person shown is logged as searched. */
export async function listAccesses(db: Db, actor: Actor, query: AccessListQuery): Promise<AccessPage> {
  const scope = scopeFor(actor, ACCESS_READ);
  if (query.from && query.to && query.from > query.to) {
    throw invalid('to', { it: 'La data finale precede quella iniziale.', en: 'The end date is before the start date.' });
  }
  return db.transaction().execute(async (trx) => {
    const rows = await filtered(selectAccess(scopedAccesses(trx, scope)), query)
      .select(sql<number>`count(*) over ()`.as('total'))
      .orderBy('a.occurred_at', 'desc')
      .orderBy('a.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    const items = await accessesWithLog(trx, actor, scope, 'search', rows);
    return { items, total: rows[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
  });
}

function filtered(query: ReturnType<typeof selectAccess>, filters: AccessListQuery) {
  let select = query;
  if (filters.municipalityCode) select = select.where('a.municipality_code', '=', filters.municipalityCode);
  if (filters.from) select = select.where('a.occurred_at', '>=', startOfDay(filters.from));
  if (filters.to) select = select.where('a.occurred_at', '<', sql<string>`${startOfDay(filters.to)} + interval '1 day'`);
  if (filters.outcome) select = select.where('a.outcome', '=', filters.outcome);
  if (filters.unlinked === 'true') {
    select = select.where((eb) => eb.not(eb.exists(eb.selectFrom('access_person as ap').select('ap.person_id').whereRef('ap.access_id', '=', 'a.id'))));
  }
  return select;
}

/** A person's accesses, newest first: the read is logged for the person and every other person it names. */
export async function personAccesses(db: Db, actor: Actor, personId: string): Promise<Access[]> {
  const scope = scopeFor(actor, ACCESS_READ);
  return db.transaction().execute(async (trx) => {
    const person = await scopedPersons(trx, scope).select(['p.id', 'p.municipality_code']).where('p.id', '=', personId).executeTakeFirst();
    if (!person) throw notFound({ it: 'Persona non trovata nei territori di competenza.', en: 'Person not found in your territories.' });
    const rows = await selectAccess(scopedAccesses(trx, scope))
      .where((eb) => eb.exists(eb.selectFrom('access_person as ap').select('ap.person_id').whereRef('ap.access_id', '=', 'a.id').where('ap.person_id', '=', personId)))
      .orderBy('a.occurred_at', 'desc')
      .orderBy('a.id')
      .limit(TIMELINE_LIMIT)
      .execute();
    const persons = await personsOf(trx, rows.map((row) => row.id));
    const records: AccessRecord[] = [{ personId, municipalityCode: person.municipality_code, recordType: 'access', recordId: null }];
    for (const other of persons) {
      if (other.personId !== personId) records.push({ personId: other.personId, municipalityCode: other.municipalityCode, recordType: 'access', recordId: other.accessId });
    }
    await writeAccessLog(trx, actor, scope, 'read', records);
    return rows.map((row) => toAccess(row, persons));
  });
}
