import type { DemoContext } from '../../../demo/feature-demos.ts';
import type { Db } from '../../../platform/db/database.ts';
import { placeApprovedPayments } from '../payment-placement.ts';
import '../contributions.tables.ts';
import '../../care-plans/care-plans.tables.ts';

/**
 * On the demo plans of assistente: a monthly contribution for the rent of the active plan, approved by the
 * team in a meeting (recorded by assistente2, so nobody approves their own proposal), paid from this
 * month in the open payment list of Castel Maggiore; and a one-off contribution proposed on the draft plan.
 */
export async function contributionsDemo(trx: Db, context: DemoContext): Promise<void> {
  const [owner, colleague, manager] = [context.userIds.assistente, context.userIds.assistente2, context.userIds.responsabile];
  if (!owner || !colleague) return;
  const plans = await trx
    .selectFrom('care_plan as p')
    .innerJoin('case_person as cp', (join) => join.onRef('cp.case_id', '=', 'p.case_id').on('cp.role', '=', 'beneficiary'))
    .select(['p.id', 'p.case_id', 'p.status', 'p.municipality_code', 'cp.person_id'])
    .where('p.created_by', '=', owner)
    .where('p.status', 'in', ['active', 'draft'])
    .orderBy('p.created_at')
    .execute();
  const active = plans.find((p) => p.status === 'active');
  const draft = plans.find((p) => p.status === 'draft');
  const thisMonth = `${context.today.slice(0, 7)}-01`;
  if (active) {
    const commitments = await trx.selectFrom('care_plan_commitment').select('item_key').where('plan_id', '=', active.id).orderBy('position').execute();
    const proposed = await trx
      .insertInto('contribution')
      .values({
        case_id: active.case_id,
        municipality_code: active.municipality_code,
        plan_id: active.id,
        person_id: active.person_id,
        kind: 'monthly',
        amount_cents: 25000,
        first_month: thisMonth,
        months: 6,
        reason: 'Contributo per l’affitto mentre la pensione non basta a coprire le spese di casa.',
        commitment_keys: commitments.slice(0, 1).map((c) => c.item_key),
        funding_line: 'municipal_social_fund',
        payment_method: 'bank_transfer',
        iban: 'IT60X0542811101000000123456',
        proposed_by: owner,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const meeting = await trx
      .insertInto('team_meeting')
      .values({
        team_id: null,
        held_on: context.today,
        participant_ids: [owner, colleague, ...(manager ? [manager] : [])],
        other_participants: 'Infermiera di comunità (Ausl)',
        note: 'Équipe mensile dei contributi.',
        recorded_by: colleague,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const decision = await trx
      .insertInto('team_meeting_decision')
      .values({ meeting_id: meeting.id, contribution_id: proposed.id, decision: 'approve', note: 'Approvato per sei mesi, da rivedere alla verifica del progetto.', decided_by: colleague })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('contribution').set({ status: 'approved', decision_id: decision.id, version: 2 }).where('id', '=', proposed.id).execute();
    await placeApprovedPayments(trx, meeting.id, colleague);
  }
  if (draft) {
    await trx
      .insertInto('contribution')
      .values({
        case_id: draft.case_id,
        municipality_code: draft.municipality_code,
        plan_id: draft.id,
        person_id: draft.person_id,
        kind: 'one_off',
        amount_cents: 18050,
        first_month: thisMonth,
        months: 1,
        reason: 'Pagamento della bolletta del riscaldamento arretrata.',
        funding_line: 'poverty_fund',
        payment_method: 'cash',
        iban: null,
        proposed_by: owner,
      })
      .execute();
  }
  if (active) {
    await trx.insertInto('payment_list').values({ municipality_code: active.municipality_code, month: thisMonth }).onConflict((oc) => oc.columns(['municipality_code', 'month']).doNothing()).execute();
  }
}
