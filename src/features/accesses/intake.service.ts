import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { coversRecord, inScope, scopeFor, type Scope } from '../../platform/access/scope.ts';
import type { AccessAction } from '../../platform/audit/access-log.schemas.ts';
import { writeAccessLog } from '../../platform/audit/access-log.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { personsOf } from './access-row.ts';
import type { AssignIntakeBody, CloseIntakeBody, EligibleWorker, IntakeItem, IntakeQuery } from './intake.schemas.ts';
import { INTAKE_ASSIGN, INTAKE_READ } from './permissions.ts';
import './accesses.tables.ts';
import { holdsRoleCovering } from '../users/grant-coverage.ts';

const itemNotFound = () =>
  notFound({ it: 'Elemento della coda non trovato nei territori di competenza.', en: 'Intake item not found in your territories.' });

function selectItems(trx: Db, scope: Scope) {
  return trx
    .selectFrom('intake_item as i')
    .innerJoin('access_record as a', 'a.id', 'i.access_id')
    .innerJoin('municipality as m', 'm.istat_code', 'i.municipality_code')
    .leftJoin('app_user as w', 'w.id', 'i.assigned_to')
    .where(inScope(scope, 'i.municipality_code', 'i.area_id'))
    .selectAll('i')
    .select([
      'a.channel',
      'a.need_area_code',
      'a.request',
      'a.anonymous_description',
      'm.name as municipality_name',
      'w.display_name as assigned_to_name',
      sql<number>`floor(extract(epoch from coalesce(i.first_interview_at, i.closed_at, trama_now()) - i.referred_at) / 86400)::int`.as('days_waiting'),
    ]);
}

type ItemQuery = ReturnType<typeof selectItems>;

/** Runs the query, names the persons of each item and logs each person shown, in the caller's transaction. */
async function itemsWithLog(trx: Db, actor: Actor, scope: Scope, action: AccessAction, query: ItemQuery): Promise<IntakeItem[]> {
  const rows = await query.execute();
  const persons = await personsOf(trx, rows.map((row) => row.access_id));
  const itemOf = new Map(rows.map((row) => [row.access_id, row.id]));
  await writeAccessLog(
    trx,
    actor,
    scope,
    action,
    persons.map((p) => ({ personId: p.personId, municipalityCode: p.municipalityCode, recordType: 'intake_item', recordId: itemOf.get(p.accessId) ?? null })),
  );
  return rows.map((row) => ({
    id: row.id,
    accessId: row.access_id,
    status: row.status,
    urgency: row.urgency,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    referredAt: row.referred_at,
    daysWaiting: Math.max(0, row.days_waiting),
    channel: row.channel,
    needAreaCode: row.need_area_code,
    request: row.request,
    persons: persons
      .filter((p) => p.accessId === row.access_id)
      .map(({ personId, familyName, givenName, involvement }) => ({ personId, familyName, givenName, involvement })),
    anonymousDescription: row.anonymous_description,
    assignedTo: row.assigned_to && row.assigned_to_name ? { id: row.assigned_to, displayName: row.assigned_to_name } : null,
    assignedAt: row.assigned_at,
    firstInterviewAt: row.first_interview_at,
    closedAt: row.closed_at,
    closeReason: row.close_reason,
    version: row.version,
  }));
}

/** The intake queue of the actor's territories: urgent first, then the longest waiting. */
export async function listIntake(db: Db, actor: Actor, query: IntakeQuery): Promise<IntakeItem[]> {
  const scope = scopeFor(actor, INTAKE_READ);
  return db.transaction().execute(async (trx) => {
    let select = selectItems(trx, scope);
    if (query.status === 'open') select = select.where('i.status', 'in', ['waiting', 'assigned']);
    else if (query.status !== 'all') select = select.where('i.status', '=', query.status);
    if (query.mine === 'true') select = select.where('i.assigned_to', '=', actor.userId);
    if (query.municipalityCode) select = select.where('i.municipality_code', '=', query.municipalityCode);
    select = select
      .orderBy(sql`CASE i.urgency WHEN 'urgent' THEN 0 WHEN 'priority' THEN 1 ELSE 2 END`)
      .orderBy('i.referred_at')
      .orderBy('i.id')
      .limit(500);
    return itemsWithLog(trx, actor, scope, 'search', select);
  });
}

async function readItem(trx: Db, actor: Actor, scope: Scope, id: string, action: AccessAction): Promise<IntakeItem> {
  const [item] = await itemsWithLog(trx, actor, scope, action, selectItems(trx, scope).where('i.id', '=', id));
  if (!item) throw itemNotFound();
  return item;
}

/** Active social workers holding a grant that covers the item's municipality (or its sub-municipal area). */
function eligibleWorkersOf(trx: Db, municipalityCode: string, areaId: string | null) {
  return trx
    .selectFrom('app_user as u')
    .select([
      'u.id',
      'u.display_name',
      sql<number>`(SELECT count(*) FROM intake_item x WHERE x.assigned_to = u.id AND x.status = 'assigned')::int`.as('open_items'),
    ])
    .where('u.is_active', '=', true)
    .where(holdsRoleCovering('social_worker', municipalityCode, areaId))
    .orderBy('u.display_name');
}

async function lockedItem(trx: Db, scope: Scope, id: string) {
  const item = await trx
    .selectFrom('intake_item as i')
    .selectAll('i')
    .where('i.id', '=', id)
    .where(inScope(scope, 'i.municipality_code', 'i.area_id'))
    .forUpdate()
    .executeTakeFirst();
  if (!item) throw itemNotFound();
  return item;
}

export async function eligibleWorkers(db: Db, actor: Actor, id: string): Promise<EligibleWorker[]> {
  const scope = scopeFor(actor, INTAKE_ASSIGN);
  const item = await db.selectFrom('intake_item as i').select(['i.municipality_code', 'i.area_id']).where('i.id', '=', id).where(inScope(scope, 'i.municipality_code', 'i.area_id')).executeTakeFirst();
  if (!item) throw itemNotFound();
  const rows = await eligibleWorkersOf(db, item.municipality_code, item.area_id).execute();
  return rows.map((row) => ({ id: row.id, displayName: row.display_name, openItems: row.open_items }));
}

const finished = {
  it: 'L’elemento è già stato preso in carico o chiuso: non si può più modificare.',
  en: 'The item has already been taken in charge or closed: it can no longer change.',
};

type Change = (trx: Db, item: Awaited<ReturnType<typeof lockedItem>>) => Promise<Record<string, unknown>>;

/** Shared path of assign and close: lock, version check (412 with the current item), change, log, read back. */
async function changeItem(db: Db, actor: Actor, scope: Scope, id: string, version: number, change: Change): Promise<IntakeItem> {
  const outcome = await db.transaction().execute(async (trx) => {
    const item = await lockedItem(trx, scope, id);
    if (item.version !== version) return { conflict: await readItem(trx, actor, scope, id, 'read') };
    if (item.status === 'closed' || item.status === 'taken_in_charge') throw new AppError('CONFLICT', { message: finished });
    const values = await change(trx, item);
    await trx
      .updateTable('intake_item')
      .set({ ...values, version: version + 1 })
      .where('id', '=', id)
      .execute();
    return { saved: await readItem(trx, actor, scope, id, 'update') };
  });
  if ('conflict' in outcome) throw new AppError('VERSION_CONFLICT', { data: { current: outcome.conflict } });
  return outcome.saved;
}

/** The manager assigns an item to a social worker whose grants cover its territory. */
export async function assignIntake(db: Db, actor: Actor, id: string, body: AssignIntakeBody): Promise<IntakeItem> {
  return changeItem(db, actor, scopeFor(actor, INTAKE_ASSIGN), id, body.version, async (trx, item) => {
    const eligible = await eligibleWorkersOf(trx, item.municipality_code, item.area_id).where('u.id', '=', body.userId).executeTakeFirst();
    if (!eligible) {
      throw invalid('userId', {
        it: 'La persona scelta non è un’assistente sociale abilitata nel comune dell’invio.',
        en: 'The user chosen is not a social worker with a grant for the municipality of the referral.',
      });
    }
    return { status: 'assigned', assigned_to: body.userId, assigned_by: actor.userId, assigned_at: sql`trama_now()` };
  });
}

/** The manager of the territory, or the social worker it is assigned to, closes an item with a reason. */
export async function closeIntake(db: Db, actor: Actor, id: string, body: CloseIntakeBody): Promise<IntakeItem> {
  const managerScope = scopeFor(actor, INTAKE_ASSIGN);
  return changeItem(db, actor, scopeFor(actor, INTAKE_READ), id, body.version, async (_trx, item) => {
    const manages = coversRecord(managerScope, item.municipality_code, item.area_id);
    if (!manages && item.assigned_to !== actor.userId) {
      throw new AppError('FORBIDDEN', {
        message: { it: 'Solo il responsabile o l’assistente sociale assegnato può chiudere l’elemento.', en: 'Only the manager or the assigned social worker can close the item.' },
      });
    }
    return { status: 'closed', closed_at: sql`trama_now()`, close_reason: body.reason };
  });
}
