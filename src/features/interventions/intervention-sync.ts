import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import './interventions.tables.ts';
import '../care-plans/care-plans.tables.ts';
import '../catalogue/catalogue.tables.ts';

/**
 * The plan version `planId` has just become the one in force (active): each of its supports becomes
 * the intervention of its item_key in the case (created, or updated with the new planned values), with
 * the title holder from the service arrangement of the plan's municipality and the deliverer from the
 * support (its provider; none = delivered directly by the title holder). Interventions of the case whose
 * support the version no longer has are ended, and kept with their deliveries.
 *
 * Called by care-plans' lifecycle (transitionPlan) in its transaction; it imports nothing of care-plans
 * but its table types, so the dependency runs one way.
 */
export async function activateInterventions(trx: Db, planId: string): Promise<void> {
  const plan = await trx.selectFrom('care_plan').select(['case_id', 'municipality_code']).where('id', '=', planId).executeTakeFirstOrThrow();
  const supports = await trx
    .selectFrom('care_plan_support as s')
    .leftJoin('service_arrangement as a', (join) => join.onRef('a.service_id', '=', 's.service_id').on('a.municipality_code', '=', plan.municipality_code))
    .select([
      's.id',
      's.item_key',
      's.service_id',
      's.provider_id',
      's.quantity_hundredths',
      's.unit',
      's.frequency',
      's.start_date',
      's.end_date',
      's.unit_cost_cents',
      's.funding_body',
      'a.title_holder',
      'a.title_holder_name',
    ])
    .where('s.plan_id', '=', planId)
    .execute();
  if (supports.length > 0) {
    await trx
      .insertInto('intervention')
      .values(
        supports.map((s) => ({
          case_id: plan.case_id,
          municipality_code: plan.municipality_code,
          item_key: s.item_key,
          plan_id: planId,
          support_id: s.id,
          service_id: s.service_id,
          // No arrangement any more (removed from the catalogue after the plan was agreed): the municipality holds it.
          title_holder: s.title_holder ?? 'municipality',
          title_holder_name: s.title_holder_name ?? null,
          delivery: s.provider_id ? ('provider' as const) : ('direct' as const),
          provider_id: s.provider_id,
          quantity_hundredths: s.quantity_hundredths,
          unit: s.unit,
          frequency: s.frequency,
          start_date: s.start_date,
          end_date: s.end_date,
          unit_cost_cents: s.unit_cost_cents,
          funding_body: s.funding_body,
          ended_at: null,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['case_id', 'item_key']).doUpdateSet((eb) => ({
          plan_id: eb.ref('excluded.plan_id'),
          support_id: eb.ref('excluded.support_id'),
          service_id: eb.ref('excluded.service_id'),
          title_holder: eb.ref('excluded.title_holder'),
          title_holder_name: eb.ref('excluded.title_holder_name'),
          delivery: eb.ref('excluded.delivery'),
          provider_id: eb.ref('excluded.provider_id'),
          quantity_hundredths: eb.ref('excluded.quantity_hundredths'),
          unit: eb.ref('excluded.unit'),
          frequency: eb.ref('excluded.frequency'),
          start_date: eb.ref('excluded.start_date'),
          end_date: eb.ref('excluded.end_date'),
          unit_cost_cents: eb.ref('excluded.unit_cost_cents'),
          funding_body: eb.ref('excluded.funding_body'),
          status: 'active',
          ended_at: null,
          updated_at: sql<string>`trama_now()`,
        })),
      )
      .execute();
  }
  let ending = trx.updateTable('intervention').set({ status: 'ended', ended_at: sql<string>`trama_now()`, updated_at: sql<string>`trama_now()` }).where('case_id', '=', plan.case_id).where('status', '=', 'active');
  if (supports.length > 0) ending = ending.where('item_key', 'not in', supports.map((s) => s.item_key));
  await ending.execute();
}

/** The plan in force is closed without a successor: its interventions end (kept, with their deliveries). */
export async function endInterventions(trx: Db, caseId: string): Promise<void> {
  await trx.updateTable('intervention').set({ status: 'ended', ended_at: sql<string>`trama_now()`, updated_at: sql<string>`trama_now()` }).where('case_id', '=', caseId).where('status', '=', 'active').execute();
}
