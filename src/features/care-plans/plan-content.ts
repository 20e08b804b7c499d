import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { invalid } from '../../platform/http/errors.ts';
import type { ServiceUnit } from '../catalogue/catalogue.codes.ts';
import type { PlanContentInput, PlanVersion } from './care-plans.schemas.ts';
import './care-plans.tables.ts';
import '../cases/cases.tables.ts';

const uuids = (ids: string[]) => sql<string[]>`${ids}::uuid[]`;

function uniqueKeys(section: string, keys: (string | undefined)[]): void {
  const given = keys.filter((k): k is string => k !== undefined);
  if (new Set(given).size !== given.length) throw invalid(section, { it: 'Due elementi hanno la stessa chiave.', en: 'Two items have the same key.' });
}

/**
 * Checks a draft's content against the case and the catalogue: services present in the plan's
 * municipality, deliverers from their arrangements (or direct delivery where the arrangement is
 * direct), providers that exist, persons of the case, team members. Returns the unit of each service.
 */
async function validate(trx: Db, caseId: string, municipalityCode: string, content: PlanContentInput): Promise<Map<string, ServiceUnit>> {
  if (content.periodEnd < content.periodStart) throw invalid('periodEnd', { it: 'La fine del progetto è prima dell’inizio.', en: 'The project ends before it starts.' });
  uniqueKeys('objectives', content.objectives.map((o) => o.key));
  uniqueKeys('results', content.objectives.flatMap((o) => o.results.map((r) => r.key)));
  uniqueKeys('supports', content.supports.map((s) => s.key));
  uniqueKeys('commitments', content.commitments.map((c) => c.key));
  uniqueKeys('tasks', content.tasks.map((x) => x.key));
  uniqueKeys('reviews', content.reviews.map((r) => r.key));
  const objectiveKeys = new Set(content.objectives.map((o) => o.key).filter(Boolean));

  const serviceIds = [...new Set(content.supports.map((s) => s.serviceId))];
  const arrangements = serviceIds.length
    ? await trx
        .selectFrom('service_arrangement as a')
        .innerJoin('service as v', 'v.id', 'a.service_id')
        .select(['a.service_id', 'a.delivery', 'v.unit', 'v.is_active'])
        .where('a.municipality_code', '=', municipalityCode)
        .where('a.service_id', 'in', serviceIds)
        .execute()
    : [];
  const deliverers = serviceIds.length
    ? await trx.selectFrom('service_arrangement_provider').select(['service_id', 'provider_id']).where('municipality_code', '=', municipalityCode).where('service_id', 'in', serviceIds).execute()
    : [];
  const units = new Map<string, ServiceUnit>();
  content.supports.forEach((s, i) => {
    const path = `supports.${String(i)}`;
    const arrangement = arrangements.find((a) => a.service_id === s.serviceId);
    if (!arrangement?.is_active) throw invalid(`${path}.serviceId`, { it: 'Il servizio non è offerto nel comune del caso.', en: 'The service is not offered in the case’s municipality.' });
    units.set(s.serviceId, arrangement.unit);
    if (s.providerId === null && arrangement.delivery !== 'direct') {
      throw invalid(`${path}.providerId`, { it: 'Scegliere il fornitore: nel comune il servizio è erogato da fornitori.', en: 'Choose the provider: in this municipality the service is delivered by providers.' });
    }
    if (s.providerId !== null && !deliverers.some((d) => d.service_id === s.serviceId && d.provider_id === s.providerId)) {
      throw invalid(`${path}.providerId`, { it: 'Il fornitore non eroga questo servizio nel comune del caso.', en: 'The provider does not deliver this service in the case’s municipality.' });
    }
    if (s.endDate < s.startDate) throw invalid(`${path}.endDate`, { it: 'La fine è prima dell’inizio.', en: 'The end is before the start.' });
    if (s.frequency !== 'one_off' && s.endDate.slice(0, 4) > String(Number(s.startDate.slice(0, 4)) + 10)) {
      throw invalid(`${path}.endDate`, { it: 'Un intervento dura al massimo dieci anni.', en: 'A support lasts ten years at most.' });
    }
    if (s.objectiveKey !== null && !objectiveKeys.has(s.objectiveKey)) throw invalid(`${path}.objectiveKey`, { it: 'Obiettivo sconosciuto.', en: 'Unknown objective.' });
  });

  const providerIds = [
    ...new Set([...content.objectives.flatMap((o) => o.sharedProviderIds), ...content.supports.flatMap((s) => s.sharedProviderIds), ...content.tasks.flatMap((x) => [...x.sharedProviderIds, ...(x.providerId ? [x.providerId] : [])])]),
  ];
  if (providerIds.length) {
    const found = await trx.selectFrom('provider_organisation').select('id').where('id', 'in', providerIds).execute();
    if (found.length !== providerIds.length) throw invalid('sharedProviderIds', { it: 'Fornitore sconosciuto.', en: 'Unknown provider.' });
  }
  const personIds = content.commitments.map((c) => c.personId).filter((id): id is string => id !== null);
  if (personIds.length) {
    const found = await trx.selectFrom('case_person').select('person_id').where('case_id', '=', caseId).where('person_id', 'in', personIds).execute();
    if (found.length !== new Set(personIds).size) throw invalid('commitments', { it: 'La persona non fa parte del caso.', en: 'The person is not in the case.' });
  }
  const userIds = content.tasks.map((x) => x.userId).filter((id): id is string => id !== null);
  if (userIds.length) {
    const found = await trx.selectFrom('app_user').select('id').where('id', 'in', userIds).execute();
    if (found.length !== new Set(userIds).size) throw invalid('tasks', { it: 'Operatore sconosciuto.', en: 'Unknown staff member.' });
  }
  return units;
}

/** Fills in a missing "who" name from the person, the user or the provider it names. */
async function whoName(trx: Db, given: string, ref: { personId?: string | null; userId?: string | null; providerId?: string | null }, path: string): Promise<string> {
  if (given) return given;
  let found: string | undefined;
  if (ref.personId) {
    const p = await trx.selectFrom('person').select(['given_name', 'family_name']).where('id', '=', ref.personId).executeTakeFirst();
    found = p ? `${p.given_name} ${p.family_name}` : undefined;
  } else if (ref.userId) {
    found = (await trx.selectFrom('app_user').select('display_name').where('id', '=', ref.userId).executeTakeFirst())?.display_name;
  } else if (ref.providerId) {
    found = (await trx.selectFrom('provider_organisation').select('name').where('id', '=', ref.providerId).executeTakeFirst())?.name;
  }
  if (!found) throw invalid(path, { it: 'Indicare chi.', en: 'State who.' });
  return found;
}

/**
 * Writes the items of a draft (its existing items must have been deleted): checked first unless
 * `trusted` (a copy of an agreed version, already checked when it was saved).
 */
export async function writeContent(trx: Db, plan: { id: string; case_id: string; municipality_code: string }, content: PlanContentInput, trusted = false): Promise<void> {
  const units = trusted ? null : await validate(trx, plan.case_id, plan.municipality_code, content);
  const planId = plan.id;
  for (const [position, o] of content.objectives.entries()) {
    const row = await trx
      .insertInto('care_plan_objective')
      .values({ plan_id: planId, item_key: o.key ?? randomUUID(), position, description: o.description, shared_provider_ids: uuids(o.sharedProviderIds) })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [rp, r] of o.results.entries()) {
      await trx
        .insertInto('care_plan_result')
        .values({ plan_id: planId, objective_id: row.id, item_key: r.key ?? randomUUID(), position: rp, description: r.description, indicator: r.indicator, target_date: r.targetDate })
        .execute();
    }
  }
  const serviceUnits = units ?? new Map((await trx.selectFrom('service').select(['id', 'unit']).where('id', 'in', content.supports.length ? content.supports.map((s) => s.serviceId) : [randomUUID()]).execute()).map((s) => [s.id, s.unit]));
  for (const [position, s] of content.supports.entries()) {
    const shared = s.sharedProviderIds.length || !s.providerId ? s.sharedProviderIds : [s.providerId];
    await trx
      .insertInto('care_plan_support')
      .values({
        plan_id: planId,
        item_key: s.key ?? randomUUID(),
        position,
        service_id: s.serviceId,
        provider_id: s.providerId,
        objective_key: s.objectiveKey,
        quantity_hundredths: s.quantityHundredths,
        unit: serviceUnits.get(s.serviceId) ?? 'units',
        frequency: s.frequency,
        start_date: s.startDate,
        end_date: s.frequency === 'one_off' ? s.startDate : s.endDate,
        unit_cost_cents: s.unitCostCents,
        funding_body: s.fundingBody,
        notes: s.notes,
        shared_provider_ids: uuids(shared),
      })
      .execute();
  }
  for (const [position, c] of content.commitments.entries()) {
    const name = await whoName(trx, c.whoName, { personId: c.personId }, `commitments.${String(position)}.whoName`);
    await trx
      .insertInto('care_plan_commitment')
      .values({ plan_id: planId, item_key: c.key ?? randomUUID(), position, who_kind: c.whoKind, person_id: c.personId, who_name: name, commitment: c.commitment })
      .execute();
  }
  for (const [position, x] of content.tasks.entries()) {
    const name = await whoName(trx, x.whoName, { userId: x.userId, providerId: x.providerId }, `tasks.${String(position)}.whoName`);
    await trx
      .insertInto('care_plan_task')
      .values({
        plan_id: planId,
        item_key: x.key ?? randomUUID(),
        position,
        who_kind: x.whoKind,
        user_id: x.userId,
        provider_id: x.providerId,
        who_name: name,
        task: x.task,
        shared_provider_ids: uuids(x.sharedProviderIds),
      })
      .execute();
  }
  for (const r of content.reviews) {
    await trx.insertInto('care_plan_review').values({ plan_id: planId, item_key: r.key ?? randomUUID(), review_on: r.reviewOn, note: r.note }).execute();
  }
}

export async function deleteContent(trx: Db, planId: string): Promise<void> {
  for (const table of ['care_plan_result', 'care_plan_objective', 'care_plan_support', 'care_plan_commitment', 'care_plan_task', 'care_plan_review'] as const) {
    await trx.deleteFrom(table).where('plan_id', '=', planId).execute();
  }
}

/** A version's items as the input of a new draft, keys kept: what "new version" copies. */
export function contentOf(plan: PlanVersion): PlanContentInput {
  return {
    summary: plan.summary,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    objectives: plan.objectives.map((o) => ({ key: o.key, description: o.description, sharedProviderIds: o.sharedProviderIds, results: o.results.map((r) => ({ key: r.key, description: r.description, indicator: r.indicator, targetDate: r.targetDate })) })),
    supports: plan.supports.map((s) => ({
      key: s.key,
      serviceId: s.serviceId,
      providerId: s.providerId,
      objectiveKey: s.objectiveKey,
      quantityHundredths: s.quantityHundredths,
      frequency: s.frequency,
      startDate: s.startDate,
      endDate: s.endDate,
      unitCostCents: s.unitCostCents,
      fundingBody: s.fundingBody,
      notes: s.notes,
      sharedProviderIds: s.sharedProviderIds,
    })),
    commitments: plan.commitments.map((c) => ({ key: c.key, whoKind: c.whoKind, personId: c.personId, whoName: c.whoName, commitment: c.commitment })),
    tasks: plan.tasks.map((x) => ({ key: x.key, whoKind: x.whoKind, userId: x.userId, providerId: x.providerId, whoName: x.whoName, task: x.task, sharedProviderIds: x.sharedProviderIds })),
    reviews: plan.reviews.map((r) => ({ key: r.key, reviewOn: r.reviewOn, note: r.note })),
  };
}
