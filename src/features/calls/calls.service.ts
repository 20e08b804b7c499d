import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope, scopeFor } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { clock } from '../../platform/time/clock.ts';
import type { CallStatus } from './calls.codes.ts';
import { callQuery, staffCall, toSummary } from './calls.read.ts';
import { assertPublishable } from './calls.rules.ts';
import type { CorrectCallBody, CreateCallBody, StaffCall, StaffCallSummary, UpdateCallBody } from './calls.schemas.ts';
import { CALLS_MANAGE, CALLS_READ } from './permissions.ts';

const callNotFound = () => notFound({ it: 'Bando non trovato.', en: 'Call not found.' });
const toUtc = (instant: string | null) => (instant === null ? null : new Date(instant).toISOString());

/** Calls with at least one municipality in the actor's territory for the permission. */
function visibleCalls(db: Db, actor: Actor, permission: string) {
  const scope = scopeFor(actor, permission);
  return callQuery(db).where((eb) =>
    eb.exists(eb.selectFrom('call_municipality as cm').select('cm.call_id').whereRef('cm.call_id', '=', 'c.id').where(inScope(scope, 'cm.municipality_code'))),
  );
}

export async function listCalls(db: Db, actor: Actor, query: { status?: CallStatus | undefined }): Promise<StaffCallSummary[]> {
  let select = visibleCalls(db, actor, CALLS_READ);
  if (query.status) select = select.where('c.status', '=', query.status);
  const now = clock.now();
  return (await select.orderBy('c.created_at', 'desc').orderBy('c.id').limit(500).execute()).map((row) => toSummary(row, now));
}

export async function readCall(db: Db, actor: Actor, id: string): Promise<StaffCall> {
  const row = await visibleCalls(db, actor, CALLS_READ).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw callNotFound();
  return staffCall(db, row, clock.now());
}

/** The municipalities a territory names, checked: all exist, and the manager's grants cover them all. */
async function territoryOf(trx: Db, actor: Actor, territory: CreateCallBody['territory']): Promise<{ groupId: string | null; codes: string[] }> {
  let groupId: string | null = null;
  let codes: string[];
  if (territory.kind === 'group') {
    const members = await trx
      .selectFrom('territory_group as g')
      .leftJoin('territory_group_member as m', 'm.group_id', 'g.id')
      .select('m.municipality_code')
      .where('g.id', '=', territory.groupId)
      .execute();
    if (members.length === 0) throw invalid('territory.groupId', { it: 'Unione o Distretto sconosciuto.', en: 'Unknown Union or District.' });
    groupId = territory.groupId;
    codes = members.flatMap((m) => (m.municipality_code ? [m.municipality_code] : []));
    if (codes.length === 0) throw invalid('territory.groupId', { it: 'L’Unione o il Distretto non ha comuni.', en: 'The Union or District has no municipalities.' });
  } else {
    codes = [...new Set(territory.municipalityCodes)];
    const found = await trx.selectFrom('municipality').select('istat_code').where('istat_code', 'in', codes).execute();
    if (found.length !== codes.length) throw invalid('territory.municipalityCodes', { it: 'Uno dei comuni indicati non esiste.', en: 'One of the municipalities named does not exist.' });
  }
  const scope = scopeFor(actor, CALLS_MANAGE);
  if (!codes.every((code) => scope.municipalityCodes.includes(code))) {
    throw new AppError('FORBIDDEN', {
      message: { it: 'Il bando riguarda comuni fuori dal proprio territorio.', en: 'The call covers municipalities outside your territory.' },
    });
  }
  return { groupId, codes: codes.sort() };
}

async function checkDraft(trx: Db, body: CreateCallBody): Promise<void> {
  const service = await trx.selectFrom('service').select('id').where('id', '=', body.serviceId).executeTakeFirst();
  if (!service) throw invalid('serviceId', { it: 'Servizio non presente nel catalogo.', en: 'The service is not in the catalogue.' });
  if (body.opensAt && body.closesAt && Date.parse(body.closesAt) <= Date.parse(body.opensAt)) {
    throw invalid('closesAt', { it: 'La chiusura deve essere dopo l’apertura.', en: 'The closing must come after the opening.' });
  }
}

const callValues = (body: CreateCallBody, groupId: string | null, actor: Actor) => ({
  service_id: body.serviceId,
  title_it: body.title.it,
  title_en: body.title.en,
  description_it: body.description.it,
  description_en: body.description.en,
  territory_group_id: groupId,
  updated_by: actor.userId,
});

export async function createCall(db: Db, actor: Actor, body: CreateCallBody): Promise<StaffCall> {
  const id = await db.transaction().execute(async (trx) => {
    await checkDraft(trx, body);
    const { groupId, codes } = await territoryOf(trx, actor, body.territory);
    const created = await trx
      .insertInto('call')
      .values({ ...callValues(body, groupId, actor), created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('call_municipality').values(codes.map((code) => ({ call_id: created.id, municipality_code: code }))).execute();
    await trx
      .insertInto('call_version')
      .values({ call_id: created.id, version_number: 1, rules: JSON.stringify(body.rules), opens_at: toUtc(body.opensAt), closes_at: toUtc(body.closesAt), created_by: actor.userId })
      .execute();
    return created.id;
  });
  return readCall(db, actor, id);
}

/**
 * Locks a call the actor manages for a change: unseen → 404, seen but not wholly in the manager's territory
 * → 403, stale version → 412 with the current call.
 */
async function lockForChange(trx: Db, actor: Actor, id: string, version: number) {
  const row = await visibleCalls(trx, actor, CALLS_READ).where('c.id', '=', id).forUpdate('c').executeTakeFirst();
  if (!row) throw callNotFound();
  const scope = scopeFor(actor, CALLS_MANAGE);
  const outside = await trx
    .selectFrom('call_municipality')
    .select('municipality_code')
    .where('call_id', '=', id)
    .where(sql<boolean>`NOT (municipality_code = ANY(${scope.municipalityCodes}::text[]))`)
    .executeTakeFirst();
  if (outside) throw new AppError('FORBIDDEN');
  if (row.version !== version) throw new AppError('VERSION_CONFLICT', { data: { current: await staffCall(trx, row, clock.now()) } });
  return row;
}

const notADraft = () =>
  new AppError('CONFLICT', {
    message: {
      it: 'Il bando è pubblicato: le sue regole non si modificano. Per correggerlo pubblicare una nuova versione indicandone il motivo.',
      en: 'The call is published: its rules cannot change. To correct it, publish a new version stating the reason.',
    },
  });

/** Saves a draft: texts, territory, rules and dates. */
export async function updateCall(db: Db, actor: Actor, id: string, body: UpdateCallBody): Promise<StaffCall> {
  await db.transaction().execute(async (trx) => {
    const row = await lockForChange(trx, actor, id, body.version);
    if (row.status !== 'draft') throw notADraft();
    await checkDraft(trx, body);
    const { groupId, codes } = await territoryOf(trx, actor, body.territory);
    await trx
      .updateTable('call')
      .set({ ...callValues(body, groupId, actor), updated_at: sql<string>`trama_now()`, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('call_municipality').where('call_id', '=', id).execute();
    await trx.insertInto('call_municipality').values(codes.map((code) => ({ call_id: id, municipality_code: code }))).execute();
    await trx
      .updateTable('call_version')
      .set({ rules: JSON.stringify(body.rules), opens_at: toUtc(body.opensAt), closes_at: toUtc(body.closesAt) })
      .where('call_id', '=', id)
      .where('version_number', '=', row.current_version_number)
      .execute();
  });
  return readCall(db, actor, id);
}

/** Publishes the draft, once its rules are complete and consistent and it closes in the future. */
export async function publishCall(db: Db, actor: Actor, id: string, body: { version: number }): Promise<StaffCall> {
  await db.transaction().execute(async (trx) => {
    const row = await lockForChange(trx, actor, id, body.version);
    if (row.status !== 'draft') throw new AppError('CONFLICT', { message: { it: 'Il bando è già pubblicato.', en: 'The call is already published.' } });
    assertPublishable(row.rules, row.opens_at, row.closes_at, clock.now());
    await trx.updateTable('call_version').set({ published_at: sql<string>`trama_now()` }).where('call_id', '=', id).where('version_number', '=', row.current_version_number).execute();
    await trx
      .updateTable('call')
      .set({ status: 'published', updated_by: actor.userId, updated_at: sql<string>`trama_now()`, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .execute();
  });
  return readCall(db, actor, id);
}

/** Corrects a published call: a new published version with its public reason; the previous ones stay as they were. */
export async function correctCall(db: Db, actor: Actor, id: string, body: CorrectCallBody): Promise<StaffCall> {
  await db.transaction().execute(async (trx) => {
    const row = await lockForChange(trx, actor, id, body.version);
    if (row.status !== 'published') {
      throw new AppError('CONFLICT', {
        message: { it: 'Si corregge solo un bando pubblicato e non chiuso (una bozza si modifica).', en: 'Only a published, not closed call is corrected (a draft is edited).' },
      });
    }
    assertPublishable(body.rules, body.opensAt, body.closesAt, clock.now());
    const next = row.current_version_number + 1;
    await trx
      .insertInto('call_version')
      .values({
        call_id: id,
        version_number: next,
        rules: JSON.stringify(body.rules),
        opens_at: toUtc(body.opensAt),
        closes_at: toUtc(body.closesAt),
        published_at: sql<string>`trama_now()`,
        correction_reason: body.reason,
        created_by: actor.userId,
      })
      .execute();
    await trx
      .updateTable('call')
      .set({ current_version_number: next, updated_by: actor.userId, updated_at: sql<string>`trama_now()`, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .execute();
  });
  return readCall(db, actor, id);
}
