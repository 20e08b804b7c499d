import { sql } from 'kysely';
import type { DemoContext } from '../../../demo/feature-demos.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { PlanContentInput } from '../care-plans.schemas.ts';
import { unsigned } from '../care-plans.service.ts';
import { writeContent } from '../plan-content.ts';
import '../care-plans.tables.ts';
import '../../cases/cases.tables.ts';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface DemoIds {
  sad: string;
  meals: string;
  transport: string;
  ponte: string;
  owner: string;
  beneficiary: { id: string; name: string };
}

/** An elderly woman living alone: home care and meals by Il Ponte, transport by the municipality, the daughter's commitments. */
function homeCarePlan(ids: DemoIds, start: number): PlanContentInput {
  const from = isoDay(start);
  const to = isoDay(start + 182 * DAY);
  return {
    summary: `${ids.beneficiary.name} vive da sola e vuole restare a casa sua. Il progetto la aiuta nella cura di sé, nei pasti e nelle visite mediche.`,
    periodStart: from,
    periodEnd: to,
    objectives: [
      {
        description: 'Restare a vivere a casa propria in sicurezza.',
        sharedProviderIds: [ids.ponte],
        results: [
          { description: 'La cura di sé è garantita ogni settimana.', indicator: 'Le schede dell’operatrice non hanno settimane mancanti.', targetDate: isoDay(start + 90 * DAY) },
          { description: 'Mangia un pasto caldo ogni giorno.', indicator: 'Pasti consegnati e non rifiutati.', targetDate: isoDay(start + 60 * DAY) },
        ],
      },
      {
        description: 'Non restare sola: mantenere i contatti con la famiglia e il paese.',
        sharedProviderIds: [],
        results: [{ description: 'Partecipa a un’attività del centro sociale.', indicator: 'Almeno due presenze al mese.', targetDate: isoDay(start + 120 * DAY) }],
      },
    ],
    supports: [
      { serviceId: ids.sad, providerId: ids.ponte, objectiveKey: null, quantityHundredths: 300, frequency: 'weekly', startDate: from, endDate: to, unitCostCents: 2137, fundingBody: 'union', notes: 'Martedì e venerdì mattina.', sharedProviderIds: [ids.ponte] },
      { serviceId: ids.meals, providerId: ids.ponte, objectiveKey: null, quantityHundredths: 2200, frequency: 'monthly', startDate: from, endDate: to, unitCostCents: 655, fundingBody: 'municipality', notes: 'Dal lunedì al venerdì.', sharedProviderIds: [ids.ponte] },
      { serviceId: ids.transport, providerId: null, objectiveKey: null, quantityHundredths: 200, frequency: 'monthly', startDate: from, endDate: to, unitCostCents: 1250, fundingBody: 'municipality', notes: 'Visite al poliambulatorio.', sharedProviderIds: [] },
    ],
    commitments: [
      { whoKind: 'person', personId: ids.beneficiary.id, whoName: ids.beneficiary.name, commitment: 'Apre la porta all’operatrice e dice se qualcosa non va.' },
      { whoKind: 'household_member', personId: null, whoName: 'La figlia', commitment: 'Fa la spesa il sabato e telefona ogni sera.' },
    ],
    tasks: [
      { whoKind: 'team_member', userId: ids.owner, providerId: null, whoName: '', task: 'Segue il progetto e organizza le verifiche.', sharedProviderIds: [] },
      { whoKind: 'provider', userId: null, providerId: ids.ponte, whoName: '', task: 'Fornisce assistenza domiciliare e pasti; segnala subito i cambiamenti.', sharedProviderIds: [ids.ponte] },
      { whoKind: 'volunteer', userId: null, providerId: null, whoName: 'Auser Castel Maggiore', task: 'Accompagna al centro sociale il giovedì.', sharedProviderIds: [] },
    ],
    reviews: [
      { reviewOn: isoDay(start + 90 * DAY), note: 'Verifica con la persona e la figlia.' },
      { reviewOn: isoDay(start + 175 * DAY), note: 'Verifica finale.' },
    ],
  };
}

/**
 * Two plans on demo cases of Castel Maggiore owned by assistente: one agreed and active (version 1,
 * signed in person), one draft. Other cases stay without a plan. Does nothing without the catalogue.
 */
export async function carePlansDemo(trx: Db, context: DemoContext): Promise<void> {
  const owner = context.userIds.assistente;
  if (!owner) return;
  const services = await trx.selectFrom('service').select(['id', 'code']).where('code', 'in', ['C1.01', 'C4.01', 'D1.01']).execute();
  const ponte = await trx.selectFrom('provider_organisation').select('id').where('name', '=', 'Coop. Sociale Il Ponte').executeTakeFirst();
  const service = (code: string) => services.find((s) => s.code === code)?.id;
  const [sad, meals, transport] = [service('C1.01'), service('C4.01'), service('D1.01')];
  if (!sad || !meals || !transport || !ponte) return;
  const cases = await trx
    .selectFrom('case_record as c')
    .innerJoin('case_person as cp', (join) => join.onRef('cp.case_id', '=', 'c.id').on('cp.role', '=', 'beneficiary'))
    .innerJoin('person as p', 'p.id', 'cp.person_id')
    .select(['c.id', 'c.status', 'c.municipality_code', 'c.opened_at', 'p.id as person_id', 'p.given_name', 'p.family_name'])
    .where('c.owner_id', '=', owner)
    .where('c.municipality_code', '=', context.homeMunicipalityCode)
    .where('c.status', 'in', ['in_charge', 'assessing'])
    .orderBy('c.reference')
    .execute();
  const active = cases.find((c) => c.status === 'in_charge');
  const draft = cases.find((c) => c.status === 'assessing' && c.id !== active?.id) ?? cases.find((c) => c.id !== active?.id);
  for (const [row, agreed] of [[active, true], [draft, false]] as const) {
    if (!row) continue;
    const start = Math.max(Date.parse(row.opened_at) + 10 * DAY, context.now.getTime() - (agreed ? 40 : -10) * DAY);
    const content = homeCarePlan({ sad, meals, transport, ponte: ponte.id, owner, beneficiary: { id: row.person_id, name: `${row.given_name} ${row.family_name}` } }, start);
    const plan = await trx
      .insertInto('care_plan')
      .values({
        case_id: row.id,
        municipality_code: row.municipality_code,
        version_number: 1,
        based_on_id: null,
        summary: content.summary,
        period_start: content.periodStart,
        period_end: content.periodEnd,
        ...unsigned(owner),
      })
      .returning(['id', 'case_id', 'municipality_code'])
      .executeTakeFirstOrThrow();
    await writeContent(trx, plan, content);
    if (!agreed) continue;
    const signed = new Date(Math.min(context.now.getTime() - DAY, start - 3 * DAY));
    await trx
      .updateTable('care_plan')
      .set({
        status: 'active',
        proposed_at: new Date(signed.getTime() - 5 * DAY).toISOString(),
        signature_method: 'in_person',
        signed_on: isoDay(signed.getTime()),
        signed_by_name: `${row.given_name} ${row.family_name}`,
        signature_note: 'Firmato al colloquio, presente la figlia.',
        agreement_recorded_at: signed.toISOString(),
        agreement_recorded_by: owner,
        activated_at: sql<string>`${signed.toISOString()}::timestamptz`,
        version: 4,
      })
      .where('id', '=', plan.id)
      .execute();
  }
}
