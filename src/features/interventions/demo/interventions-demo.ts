import type { DemoContext } from '../../../demo/feature-demos.ts';
import type { Db } from '../../../platform/db/database.ts';
import { activateInterventions } from '../intervention-sync.ts';
import '../interventions.tables.ts';
import { shiftDate } from '../../../platform/time/rome.ts';

/**
 * The interventions of the demo plans in force (the care-plans demo writes them active directly), and a
 * few deliveries by `fornitore` (Coop. Il Ponte, set on the user by the catalogue demo) of its home care:
 * 1.5 hours twice a week over the last three weeks, one visit with the person absent.
 */
export async function interventionsDemo(trx: Db, context: DemoContext): Promise<void> {
  const plans = await trx.selectFrom('care_plan').select('id').where('status', '=', 'active').execute();
  for (const plan of plans) await activateInterventions(trx, plan.id);
  const provider = context.userIds.fornitore;
  if (!provider) return;
  const user = await trx.selectFrom('app_user').select('provider_id').where('id', '=', provider).executeTakeFirst();
  if (!user?.provider_id) return;
  const homeCare = await trx
    .selectFrom('intervention as i')
    .innerJoin('service as s', 's.id', 'i.service_id')
    .select(['i.id', 'i.start_date'])
    .where('i.provider_id', '=', user.provider_id)
    .where('s.code', '=', 'C1.01')
    .where('i.status', '=', 'active')
    .execute();
  const staff = ['Giulia Ferri', 'Paola Neri', 'Giulia Ferri, Marco Sala'];
  for (const intervention of homeCare) {
    const rows = [];
    for (let k = 1; k <= 6; k += 1) {
      const day = shiftDate(context.today, -(k * 3 + 1));
      if (day < intervention.start_date) continue;
      const absent = k === 4;
      rows.push({
        intervention_id: intervention.id,
        delivered_on: day,
        quantity_hundredths: absent ? 0 : 150,
        person_absent: absent,
        staff: staff[k % staff.length] ?? '',
        notes: absent ? 'La signora non ha aperto: avvisata la figlia.' : k === 1 ? 'Igiene personale e riordino; umore buono.' : '',
        recorded_by: provider,
        updated_by: provider,
      });
    }
    if (rows.length) await trx.insertInto('intervention_delivery').values(rows).execute();
  }
}
