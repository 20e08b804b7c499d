import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { AGREED_STATUSES, FUNDING_BODIES, PLAN_TRANSITIONS, type FundingBody } from './care-plans.codes.ts';
import type { PlanOverview, PlanVersion } from './care-plans.schemas.ts';
import { planTotals } from './plan-totals.ts';
import './care-plans.tables.ts';
import '../catalogue/catalogue.tables.ts';
import '../users/users.tables.ts';

export const planNotFound = (n?: number) =>
  notFound(
    n === undefined
      ? { it: 'Il caso non ha ancora un progetto personalizzato.', en: 'The case has no personalised project yet.' }
      : { it: `Il progetto non ha una versione ${String(n)}.`, en: `The project has no version ${String(n)}.` },
  );

/** The plan row of version n of the case's plan (locked when `forUpdate`), or undefined. */
export function findPlanRow(trx: Db, caseId: string, n: number, forUpdate = false) {
  const query = trx.selectFrom('care_plan').selectAll().where('case_id', '=', caseId).where('version_number', '=', n);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlanRow>>>;

const amounts = (record: Partial<Record<FundingBody, number>>) =>
  FUNDING_BODIES.filter((body) => record[body] !== undefined).map((fundingBody) => ({ fundingBody, cents: record[fundingBody] ?? 0 }));

async function userNames(trx: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await trx.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** One version of the plan with its items, totals and what may be done with it next. */
export async function readPlanRow(trx: Db, plan: PlanRow): Promise<PlanVersion> {
  // One after the other: a transaction holds one connection.
  const objectives = await trx.selectFrom('care_plan_objective').selectAll().where('plan_id', '=', plan.id).orderBy('position').execute();
  const results = await trx.selectFrom('care_plan_result').selectAll().where('plan_id', '=', plan.id).orderBy('position').execute();
  const supports = await trx
    .selectFrom('care_plan_support as s')
    .innerJoin('service as v', 'v.id', 's.service_id')
    .leftJoin('provider_organisation as p', 'p.id', 's.provider_id')
    .selectAll('s')
    .select(['v.code as service_code', 'v.name as service_name', 'p.name as provider_name'])
    .where('s.plan_id', '=', plan.id)
    .orderBy('s.position')
    .execute();
  const commitments = await trx.selectFrom('care_plan_commitment').selectAll().where('plan_id', '=', plan.id).orderBy('position').execute();
  const tasks = await trx.selectFrom('care_plan_task').selectAll().where('plan_id', '=', plan.id).orderBy('position').execute();
  const reviews = await trx.selectFrom('care_plan_review').selectAll().where('plan_id', '=', plan.id).orderBy('review_on').execute();
  const latest = await trx.selectFrom('care_plan').select((eb) => eb.fn.max('version_number').as('n')).where('case_id', '=', plan.case_id).executeTakeFirstOrThrow();
  const basedOn = plan.based_on_id ? await trx.selectFrom('care_plan').select('version_number').where('id', '=', plan.based_on_id).executeTakeFirst() : undefined;
  const names = await userNames(trx, [plan.created_by, plan.updated_by, plan.agreement_recorded_by]);
  const user = (id: string) => ({ id, displayName: names.get(id) ?? '' });
  const costs = supports.map((s) => ({
    quantityHundredths: s.quantity_hundredths,
    frequency: s.frequency,
    unitCostCents: s.unit_cost_cents,
    startDate: s.start_date,
    endDate: s.end_date,
    fundingBody: s.funding_body,
  }));
  const totals = planTotals(costs);
  const isLatest = latest.n === plan.version_number;
  return {
    id: plan.id,
    caseId: plan.case_id,
    versionNumber: plan.version_number,
    basedOnVersion: basedOn?.version_number ?? null,
    status: plan.status,
    summary: plan.summary,
    periodStart: plan.period_start,
    periodEnd: plan.period_end,
    objectives: objectives.map((o) => ({
      id: o.id,
      key: o.item_key,
      description: o.description,
      sharedProviderIds: o.shared_provider_ids,
      results: results
        .filter((r) => r.objective_id === o.id)
        .map((r) => ({ id: r.id, key: r.item_key, description: r.description, indicator: r.indicator, targetDate: r.target_date })),
    })),
    supports: supports.map((s, index) => ({
      id: s.id,
      key: s.item_key,
      serviceId: s.service_id,
      serviceCode: s.service_code,
      serviceName: s.service_name,
      providerId: s.provider_id,
      providerName: s.provider_name,
      objectiveKey: s.objective_key,
      quantityHundredths: s.quantity_hundredths,
      unit: s.unit,
      frequency: s.frequency,
      startDate: s.start_date,
      endDate: s.end_date,
      unitCostCents: s.unit_cost_cents,
      fundingBody: s.funding_body,
      notes: s.notes,
      sharedProviderIds: s.shared_provider_ids,
      monthlyCents: totals.supports[index]?.monthlyCents ?? 0,
      totalCents: totals.supports[index]?.totalCents ?? 0,
    })),
    commitments: commitments.map((c) => ({ id: c.id, key: c.item_key, whoKind: c.who_kind, personId: c.person_id, whoName: c.who_name, commitment: c.commitment })),
    tasks: tasks.map((x) => ({
      id: x.id,
      key: x.item_key,
      whoKind: x.who_kind,
      userId: x.user_id,
      providerId: x.provider_id,
      whoName: x.who_name,
      task: x.task,
      sharedProviderIds: x.shared_provider_ids,
    })),
    reviews: reviews.map((r) => ({ id: r.id, key: r.item_key, reviewOn: r.review_on, note: r.note })),
    totals: {
      monthlyCents: totals.monthlyCents,
      totalCents: totals.totalCents,
      byFundingBody: amounts(totals.byFundingBody),
      byMonth: totals.byMonth.map((m) => ({ month: m.month, cents: m.cents, byFundingBody: amounts(m.byFundingBody) })),
    },
    agreement:
      plan.signature_method && plan.signed_on && plan.agreement_recorded_at && plan.agreement_recorded_by
        ? {
            method: plan.signature_method,
            signedOn: plan.signed_on,
            signedByName: plan.signed_by_name ?? '',
            documentRef: plan.signature_document_ref,
            note: plan.signature_note,
            recordedAt: plan.agreement_recorded_at,
            recordedBy: user(plan.agreement_recorded_by),
          }
        : null,
    proposedAt: plan.proposed_at,
    activatedAt: plan.activated_at,
    reviewStartedAt: plan.review_started_at,
    closedAt: plan.closed_at,
    closingNote: plan.closing_note,
    createdAt: plan.created_at,
    createdBy: user(plan.created_by),
    updatedAt: plan.updated_at,
    updatedBy: user(plan.updated_by),
    version: plan.version,
    allowedTransitions: [...PLAN_TRANSITIONS[plan.status]],
    isEditable: plan.status === 'draft',
    canStartNewVersion: isLatest && AGREED_STATUSES.includes(plan.status) && plan.status !== 'closed',
  };
}

export async function readPlanVersion(trx: Db, caseId: string, n: number): Promise<PlanVersion> {
  const plan = await findPlanRow(trx, caseId, n);
  if (!plan) throw planNotFound(n);
  return readPlanRow(trx, plan);
}

/** All versions of the case's plan, newest first, and the newest in full (null when there is no plan). */
export async function planOverview(trx: Db, caseId: string): Promise<PlanOverview> {
  const rows = await trx.selectFrom('care_plan').selectAll().where('case_id', '=', caseId).orderBy('version_number', 'desc').execute();
  const newest = rows[0];
  return {
    caseId,
    versions: rows.map((r) => ({ versionNumber: r.version_number, status: r.status, createdAt: r.created_at, signedOn: r.signed_on, activatedAt: r.activated_at, closedAt: r.closed_at })),
    latest: newest ? await readPlanRow(trx, newest) : null,
  };
}
