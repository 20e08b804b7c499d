import { sql, type Selectable } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { scopeFor } from '../../platform/access/scope.ts';
import type { AccessAction } from '../../platform/audit/access-log.schemas.ts';
import { writeAccessLog } from '../../platform/audit/access-log.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { supportMonths } from '../care-plans/plan-totals.ts';
import { DELIVERY_CORRECTION_DAYS, INTERVENTION_RECORD } from './interventions.codes.ts';
import type { CaseInterventions, Delivery, DeliveryInput, DeliveryUpdate, MonthBalance, ProviderIntervention, ProviderInterventionList } from './interventions.schemas.ts';
import type { InterventionDeliveryTable, InterventionTable } from './interventions.tables.ts';
import { INTERVENTION_DELIVER } from './permissions.ts';
import '../cases/cases.tables.ts';
import '../registry/registry.tables.ts';
import '../territories/territories.tables.ts';
import '../users/users.tables.ts';
import { dayInRome } from '../../platform/time/rome.ts';

type Planned = Pick<InterventionTable, 'quantity_hundredths' | 'frequency' | 'start_date' | 'end_date' | 'funding_body'>;

/**
 * Planned quantity per calendar month, in hundredths of the unit, by the same rules and rounding as the
 * plan's money (care-plans/plan-totals.ts) with a unit cost of 100: weekly = quantity × 52 / 12 a full
 * month, monthly = quantity, both pro rata of the days of the period in a partial month; one-off = the
 * quantity in its first month.
 */
export function plannedByMonth(i: Planned): { month: string; hundredths: number }[] {
  return supportMonths({ quantityHundredths: i.quantity_hundredths, frequency: i.frequency, unitCostCents: 100, startDate: i.start_date, endDate: i.end_date, fundingBody: i.funding_body }).map(
    ({ month, cents }) => ({ month, hundredths: cents }),
  );
}

/** Planned vs delivered per month: every planned month, and any month with deliveries outside the plan. */
export function monthBalances(i: Planned, deliveries: readonly Pick<Delivery, 'deliveredOn' | 'quantityHundredths' | 'personAbsent'>[]): MonthBalance[] {
  const months = new Map<string, MonthBalance>();
  const row = (month: string) => {
    const existing = months.get(month);
    if (existing) return existing;
    const created = { month, plannedHundredths: 0, deliveredHundredths: 0, absences: 0 };
    months.set(month, created);
    return created;
  };
  for (const p of plannedByMonth(i)) row(p.month).plannedHundredths += p.hundredths;
  for (const d of deliveries) {
    const m = row(d.deliveredOn.slice(0, 7));
    m.deliveredHundredths += d.quantityHundredths;
    if (d.personAbsent) m.absences += 1;
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** Whether the provider may still correct a delivery: recorded within the correction days. */
const editableSql = sql<boolean>`d.recorded_at > trama_now() - make_interval(days => ${DELIVERY_CORRECTION_DAYS})`;

const deliveryColumns = ['d.id', 'd.intervention_id', 'd.delivered_on', 'd.quantity_hundredths', 'd.person_absent', 'd.staff', 'd.notes', 'd.recorded_at', 'd.version', 'u.display_name'] as const;

async function deliveriesOf(trx: Db, interventionIds: string[]): Promise<Map<string, Delivery[]>> {
  const out = new Map<string, Delivery[]>();
  if (interventionIds.length === 0) return out;
  const rows = await trx
    .selectFrom('intervention_delivery as d')
    .innerJoin('app_user as u', 'u.id', 'd.recorded_by')
    .select([...deliveryColumns, editableSql.as('editable')])
    .where('d.intervention_id', 'in', interventionIds)
    .orderBy('d.delivered_on', 'desc')
    .orderBy('d.recorded_at', 'desc')
    .execute();
  for (const r of rows) {
    const list = out.get(r.intervention_id) ?? [];
    list.push(toDelivery(r, r.display_name, r.editable));
    out.set(r.intervention_id, list);
  }
  return out;
}

/** The interventions of a case (owner, team, manager: the caller has passed the case gate). */
export async function caseInterventions(trx: Db, caseId: string): Promise<CaseInterventions> {
  const rows = await trx
    .selectFrom('intervention as i')
    .innerJoin('service as s', 's.id', 'i.service_id')
    .innerJoin('care_plan as p', 'p.id', 'i.plan_id')
    .leftJoin('provider_organisation as o', 'o.id', 'i.provider_id')
    .selectAll('i')
    .select(['s.code as service_code', 's.name as service_name', 'o.name as provider_name', 'p.version_number'])
    .where('i.case_id', '=', caseId)
    .orderBy('i.status')
    .orderBy('s.name')
    .execute();
  const deliveries = await deliveriesOf(trx, rows.map((r) => r.id));
  return {
    caseId,
    interventions: rows.map((r) => {
      const list = deliveries.get(r.id) ?? [];
      return {
        ...base(r),
        titleHolder: r.title_holder,
        titleHolderName: r.title_holder_name,
        delivery: r.delivery,
        providerName: r.provider_name,
        unitCostCents: r.unit_cost_cents,
        planVersionNumber: r.version_number,
        months: monthBalances(r, list),
        deliveries: list,
      };
    }),
  };
}

function base(r: InterventionRow & { service_code: string; service_name: string }) {
  return {
    id: r.id,
    caseId: r.case_id,
    serviceCode: r.service_code,
    serviceName: r.service_name,
    unit: r.unit,
    quantityHundredths: r.quantity_hundredths,
    frequency: r.frequency,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status,
    endedAt: r.ended_at === null ? null : new Date(r.ended_at).toISOString(),
  };
}

type InterventionRow = Selectable<InterventionTable>;

/** The provider's interventions (with the beneficiary and municipality), optionally one of them; never another organisation's. */
function providerQuery(trx: Db, actor: Actor) {
  return trx
    .selectFrom('intervention as i')
    .innerJoin('service as s', 's.id', 'i.service_id')
    .innerJoin('municipality as m', 'm.istat_code', 'i.municipality_code')
    .innerJoin('case_person as cp', (join) => join.onRef('cp.case_id', '=', 'i.case_id').on('cp.role', '=', 'beneficiary'))
    .innerJoin('person as pe', 'pe.id', 'cp.person_id')
    .selectAll('i')
    .select(['s.code as service_code', 's.name as service_name', 'm.name as municipality_name', 'pe.id as person_id', 'pe.given_name', 'pe.family_name'])
    .where(actor.providerId === null ? sql<boolean>`false` : sql<boolean>`i.provider_id = ${actor.providerId}::uuid`);
}

/** One access-log row per intervention read or written: the beneficiary, the municipality, the case. */
async function logProviderAccess(trx: Db, actor: Actor, action: AccessAction, rows: readonly { person_id: string; municipality_code: string; case_id: string }[]): Promise<void> {
  await writeAccessLog(
    trx,
    actor,
    scopeFor(actor, INTERVENTION_DELIVER),
    action,
    rows.map((r) => ({ personId: r.person_id, municipalityCode: r.municipality_code, recordType: INTERVENTION_RECORD, recordId: r.case_id })),
  );
}

/** The provider portal's list: the organisation's interventions with this month's planned and delivered. */
export function providerInterventions(db: Db, actor: Actor, month = dayInRome().slice(0, 7)): Promise<ProviderInterventionList> {
  return db.transaction().execute(async (trx) => {
    const rows = await providerQuery(trx, actor).orderBy('i.status').orderBy('pe.family_name').orderBy('pe.given_name').orderBy('s.name').execute();
    const delivered = rows.length
      ? await trx
          .selectFrom('intervention_delivery')
          .select(['intervention_id', sql<number>`sum(quantity_hundredths)::int`.as('total')])
          .where('intervention_id', 'in', rows.map((r) => r.id))
          .where(sql<boolean>`to_char(delivered_on, 'YYYY-MM') = ${month}`)
          .groupBy('intervention_id')
          .execute()
      : [];
    await logProviderAccess(trx, actor, 'read', rows);
    return {
      month,
      items: rows.map((r) => ({
        ...base(r),
        personName: `${r.given_name} ${r.family_name}`,
        municipalityName: r.municipality_name,
        month,
        plannedHundredths: plannedByMonth(r).find((p) => p.month === month)?.hundredths ?? 0,
        deliveredHundredths: delivered.find((d) => d.intervention_id === r.id)?.total ?? 0,
      })),
    };
  });
}

const interventionNotFound = () => notFound({ it: 'Intervento non trovato.', en: 'Intervention not found.' });

async function providerRow(trx: Db, actor: Actor, id: string) {
  const row = await providerQuery(trx, actor).where('i.id', '=', id).executeTakeFirst();
  if (!row) throw interventionNotFound();
  return row;
}

/** Objectives, supports and tasks of the intervention's plan version that name the provider in shared_provider_ids. */
async function sharedPlan(trx: Db, planId: string, providerId: string): Promise<ProviderIntervention['shared']> {
  const shared = sql<boolean>`${providerId}::uuid = ANY(shared_provider_ids)`;
  const objectives = await trx.selectFrom('care_plan_objective').select('description').where('plan_id', '=', planId).where(shared).orderBy('position').execute();
  const supports = await trx
      .selectFrom('care_plan_support as s')
      .innerJoin('service as v', 'v.id', 's.service_id')
      .select(['v.name', 's.quantity_hundredths', 's.unit', 's.frequency', 's.start_date', 's.end_date', 's.notes'])
      .where('s.plan_id', '=', planId)
      .where(sql<boolean>`${providerId}::uuid = ANY(s.shared_provider_ids)`)
      .orderBy('s.position')
      .execute();
  const tasks = await trx
      .selectFrom('care_plan_task as t')
      .leftJoin('provider_organisation as o', 'o.id', 't.provider_id')
      .leftJoin('app_user as u', 'u.id', 't.user_id')
      .select(['t.who_name', 't.task', 'o.name as provider_name', 'u.display_name'])
      .where('t.plan_id', '=', planId)
      .where(sql<boolean>`${providerId}::uuid = ANY(t.shared_provider_ids)`)
      .orderBy('t.position')
      .execute();
  return {
    objectives: objectives.map((o) => ({ description: o.description })),
    supports: supports.map((s) => ({ serviceName: s.name, quantityHundredths: s.quantity_hundredths, unit: s.unit, frequency: s.frequency, startDate: s.start_date, endDate: s.end_date, notes: s.notes })),
    tasks: tasks.map((t) => ({ who: t.provider_name ?? t.display_name ?? t.who_name, task: t.task })),
  };
}

async function readProviderIntervention(trx: Db, actor: Actor, row: Awaited<ReturnType<typeof providerRow>>): Promise<ProviderIntervention> {
  const deliveries = (await deliveriesOf(trx, [row.id])).get(row.id) ?? [];
  return {
    ...base(row),
    personName: `${row.given_name} ${row.family_name}`,
    municipalityName: row.municipality_name,
    shared: await sharedPlan(trx, row.plan_id, actor.providerId ?? ''),
    months: monthBalances(row, deliveries),
    deliveries,
  };
}

/** One intervention of the provider with the plan parts shared with it and its deliveries (404 if not the provider's). */
export function providerIntervention(db: Db, actor: Actor, id: string): Promise<ProviderIntervention> {
  return db.transaction().execute(async (trx) => {
    const row = await providerRow(trx, actor, id);
    const result = await readProviderIntervention(trx, actor, row);
    await logProviderAccess(trx, actor, 'read', [row]);
    return result;
  });
}

function checkDelivery(row: { start_date: string; end_date: string; status: string; ended_at: string | null }, input: DeliveryInput): DeliveryInput {
  const today = dayInRome();
  if (input.deliveredOn > today) throw invalid('deliveredOn', { it: 'La data dell’erogazione non può essere futura.', en: 'The delivery date cannot be in the future.' });
  const endedOn = row.ended_at === null ? null : new Date(row.ended_at).toISOString().slice(0, 10);
  const last = endedOn !== null && endedOn < row.end_date ? endedOn : row.end_date;
  if (input.deliveredOn < row.start_date || input.deliveredOn > last) {
    throw invalid('deliveredOn', {
      it: `La data dell’erogazione è fuori dal periodo dell’intervento (${row.start_date} – ${last}).`,
      en: `The delivery date is outside the intervention's period (${row.start_date} – ${last}).`,
    });
  }
  if (input.personAbsent && input.quantityHundredths !== 0) {
    throw invalid('quantityHundredths', { it: 'Con la persona assente la quantità erogata è zero.', en: 'When the person was absent the delivered quantity is zero.' });
  }
  if (!input.personAbsent && input.quantityHundredths === 0) {
    throw invalid('quantityHundredths', { it: 'Indicare le ore o le unità erogate, oppure segnare la persona assente.', en: 'Give the hours or units delivered, or mark the person absent.' });
  }
  return input;
}

type DeliveryRow = Selectable<InterventionDeliveryTable>;

function toDelivery(r: Pick<DeliveryRow, 'id' | 'delivered_on' | 'quantity_hundredths' | 'person_absent' | 'staff' | 'notes' | 'recorded_at' | 'version'>, recordedBy: string, editable: boolean): Delivery {
  return {
    id: r.id,
    deliveredOn: r.delivered_on,
    quantityHundredths: r.quantity_hundredths,
    personAbsent: r.person_absent,
    staff: r.staff,
    notes: r.notes,
    recordedAt: new Date(r.recorded_at).toISOString(),
    recordedBy,
    version: r.version,
    editable,
  };
}

const deliveryValues = (d: DeliveryInput) => ({ delivered_on: d.deliveredOn, quantity_hundredths: d.quantityHundredths, person_absent: d.personAbsent, staff: d.staff, notes: d.notes });

/**
 * Records a delivery of the provider's own intervention (404 for any other), logged as a create.
 * The write path is one transaction: the intervention with its beneficiary (the ownership check), the
 * insert, the access-log row.
 */
export function recordDelivery(db: Db, actor: Actor, id: string, input: DeliveryInput): Promise<Delivery> {
  return db.transaction().execute(async (trx) => {
    const row = await providerRow(trx, actor, id);
    const created = await trx
      .insertInto('intervention_delivery')
      .values({ intervention_id: row.id, ...deliveryValues(checkDelivery(row, input)), recorded_by: actor.userId, updated_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await logProviderAccess(trx, actor, 'create', [row]);
    return toDelivery(created, actor.displayName, true);
  });
}

/** Corrects a delivery within the correction days: 412 with the current delivery when stale, 409 when too old. */
export async function correctDelivery(db: Db, actor: Actor, id: string, deliveryId: string, input: DeliveryUpdate): Promise<Delivery> {
  const outcome = await db.transaction().execute(async (trx) => {
    const row = await providerRow(trx, actor, id);
    const current = await trx
      .selectFrom('intervention_delivery as d')
      .innerJoin('app_user as u', 'u.id', 'd.recorded_by')
      .select([...deliveryColumns, editableSql.as('editable')])
      .where('d.id', '=', deliveryId)
      .where('d.intervention_id', '=', row.id)
      .forUpdate('d')
      .executeTakeFirst();
    if (!current) throw notFound({ it: 'Erogazione non trovata.', en: 'Delivery not found.' });
    if (current.version !== input.version) {
      await logProviderAccess(trx, actor, 'read', [row]);
      return { conflict: toDelivery(current, current.display_name, current.editable) };
    }
    if (!current.editable) {
      throw new AppError('CONFLICT', {
        message: {
          it: `Un’erogazione si corregge entro ${String(DELIVERY_CORRECTION_DAYS)} giorni dalla registrazione: per questa rivolgersi al servizio sociale.`,
          en: `A delivery can be corrected within ${String(DELIVERY_CORRECTION_DAYS)} days of recording it: for this one contact the social service.`,
        },
      });
    }
    const { version, ...rest } = input;
    const saved = await trx
      .updateTable('intervention_delivery')
      .set({ ...deliveryValues(checkDelivery(row, rest)), updated_at: sql<string>`trama_now()`, updated_by: actor.userId, version: version + 1 })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logProviderAccess(trx, actor, 'update', [row]);
    return { saved: toDelivery(saved, current.display_name, true) };
  });
  if ('conflict' in outcome) throw new AppError('VERSION_CONFLICT', { data: { current: outcome.conflict } });
  return outcome.saved;
}
