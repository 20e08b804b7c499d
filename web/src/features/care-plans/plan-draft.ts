import type { z } from 'zod';
import { FUNDING_BODIES, type CommitmentWhoKind, type FundingBody, type SupportFrequency, type TaskWhoKind } from '../../../../src/features/care-plans/care-plans.codes.ts';
import type { PlanVersion, SavePlanBody } from '../../../../src/features/care-plans/care-plans.schemas.ts';
import { formatQuantity, parseQuantity, planTotals, type PlanTotals, type SupportCost } from '../../../../src/features/care-plans/plan-totals.ts';
import { parseEuros } from '../../../../src/platform/money/euros.ts';

/** The editor's copy of a draft: text as typed (quantities and euros too), items keyed like the server's. */
export type ResultDraft = { key: string; description: string; indicator: string; targetDate: string };
export type ObjectiveDraft = { key: string; description: string; shared: boolean; results: ResultDraft[] };
export type SupportDraft = {
  key: string;
  serviceId: string;
  /** '' not chosen yet, 'direct' for direct delivery, else the provider id. */
  providerId: string;
  objectiveKey: string;
  quantity: string;
  frequency: SupportFrequency;
  startDate: string;
  endDate: string;
  cost: string;
  fundingBody: FundingBody;
  notes: string;
  shared: boolean;
};
export type CommitmentDraft = { key: string; whoKind: CommitmentWhoKind; personId: string; whoName: string; commitment: string };
export type TaskDraft = { key: string; whoKind: TaskWhoKind; userId: string; providerId: string; whoName: string; task: string; shared: boolean };
export type ReviewDraft = { key: string; reviewOn: string; note: string };
export type PlanDraft = {
  summary: string;
  periodStart: string;
  periodEnd: string;
  objectives: ObjectiveDraft[];
  supports: SupportDraft[];
  commitments: CommitmentDraft[];
  tasks: TaskDraft[];
  reviews: ReviewDraft[];
};

export const newKey = () => crypto.randomUUID();

function euros(cents: number, language: string): string {
  const text = `${String(Math.floor(cents / 100))}${language.startsWith('en') ? '.' : ','}${String(cents % 100).padStart(2, '0')}`;
  return text;
}

export function draftOf(plan: PlanVersion, language: string): PlanDraft {
  return {
    summary: plan.summary,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    objectives: plan.objectives.map((o) => ({
      key: o.key,
      description: o.description,
      shared: o.sharedProviderIds.length > 0,
      results: o.results.map((r) => ({ key: r.key, description: r.description, indicator: r.indicator, targetDate: r.targetDate ?? '' })),
    })),
    supports: plan.supports.map((s) => ({
      key: s.key,
      serviceId: s.serviceId,
      providerId: s.providerId ?? 'direct',
      objectiveKey: s.objectiveKey ?? '',
      quantity: formatQuantity(s.quantityHundredths, language),
      frequency: s.frequency,
      startDate: s.startDate,
      endDate: s.endDate,
      cost: euros(s.unitCostCents, language),
      fundingBody: s.fundingBody,
      notes: s.notes,
      shared: s.providerId !== null && s.sharedProviderIds.includes(s.providerId),
    })),
    commitments: plan.commitments.map((c) => ({ key: c.key, whoKind: c.whoKind, personId: c.personId ?? '', whoName: c.whoName, commitment: c.commitment })),
    tasks: plan.tasks.map((x) => ({ key: x.key, whoKind: x.whoKind, userId: x.userId ?? '', providerId: x.providerId ?? '', whoName: x.whoName, task: x.task, shared: x.sharedProviderIds.length > 0 })),
    reviews: plan.reviews.map((r) => ({ key: r.key, reviewOn: r.reviewOn, note: r.note })),
  };
}

/** The supports whose quantity, cost and dates are complete, as the totals module wants them. */
export function costsOf(draft: PlanDraft): (SupportCost | null)[] {
  return draft.supports.map((s) => {
    const quantityHundredths = parseQuantity(s.quantity);
    const unitCostCents = parseEuros(s.cost);
    if (quantityHundredths === null || unitCostCents === null || !s.startDate || (s.frequency !== 'one_off' && (!s.endDate || s.endDate < s.startDate))) return null;
    return { quantityHundredths, unitCostCents, frequency: s.frequency, startDate: s.startDate, endDate: s.frequency === 'one_off' ? s.startDate : s.endDate, fundingBody: s.fundingBody };
  });
}

/** Live totals of the draft (incomplete supports left out), shaped like the server's. */
export function liveTotals(draft: PlanDraft) {
  const costs = costsOf(draft);
  const totals: PlanTotals = planTotals(costs.filter((c): c is SupportCost => c !== null));
  let index = 0;
  const perSupport = costs.map((c) => (c === null ? null : (totals.supports[index++]?.monthlyCents ?? null)));
  const byFundingBody = FUNDING_BODIES.flatMap((fundingBody) => {
    const cents = totals.byFundingBody[fundingBody];
    return cents === undefined ? [] : [{ fundingBody, cents }];
  });
  return { monthlyCents: totals.monthlyCents, totalCents: totals.totalCents, byMonth: totals.byMonth, byFundingBody, perSupport };
}

/** Field errors the browser finds before sending (quantities and euros that do not parse). */
export function localErrors(draft: PlanDraft, messages: { quantity: string; cost: string; provider: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  draft.supports.forEach((s, i) => {
    if (parseQuantity(s.quantity) === null) errors[`supports.${String(i)}.quantityHundredths`] = messages.quantity;
    if (parseEuros(s.cost) === null) errors[`supports.${String(i)}.unitCostCents`] = messages.cost;
    if (!s.providerId) errors[`supports.${String(i)}.providerId`] = messages.provider;
  });
  return errors;
}

/** The body of the save: providers that see an objective or task are the plan's deliverers. */
export function bodyOf(draft: PlanDraft, version: number): z.input<typeof SavePlanBody> {
  const deliverers = [...new Set(draft.supports.map((s) => s.providerId).filter((id) => id && id !== 'direct'))];
  return {
    version,
    summary: draft.summary,
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    objectives: draft.objectives.map((o) => ({
      key: o.key,
      description: o.description,
      sharedProviderIds: o.shared ? deliverers : [],
      results: o.results.map((r) => ({ key: r.key, description: r.description, indicator: r.indicator, targetDate: r.targetDate || null })),
    })),
    supports: draft.supports.map((s) => {
      const providerId = s.providerId === 'direct' ? null : s.providerId;
      return {
        key: s.key,
        serviceId: s.serviceId,
        providerId,
        objectiveKey: s.objectiveKey || null,
        quantityHundredths: parseQuantity(s.quantity) ?? 0,
        frequency: s.frequency,
        startDate: s.startDate,
        endDate: s.frequency === 'one_off' ? s.startDate : s.endDate,
        unitCostCents: parseEuros(s.cost) ?? 0,
        fundingBody: s.fundingBody,
        notes: s.notes,
        sharedProviderIds: s.shared && providerId ? [providerId] : [],
      };
    }),
    commitments: draft.commitments.map((c) => ({ key: c.key, whoKind: c.whoKind, personId: c.personId || null, whoName: c.whoName, commitment: c.commitment })),
    tasks: draft.tasks.map((x) => ({ key: x.key, whoKind: x.whoKind, userId: x.userId || null, providerId: x.providerId || null, whoName: x.whoName, task: x.task, sharedProviderIds: x.shared ? deliverers : [] })),
    reviews: draft.reviews.map((r) => ({ key: r.key, reviewOn: r.reviewOn, note: r.note })),
  };
}

/** The Italian text the person will read, one paragraph per item: what the Gulpease meter scores. */
export function readableText(draft: PlanDraft): string {
  return [
    draft.summary,
    ...draft.objectives.flatMap((o) => [o.description, ...o.results.flatMap((r) => [r.description, r.indicator])]),
    ...draft.commitments.map((c) => c.commitment),
    ...draft.tasks.map((x) => x.task),
    ...draft.reviews.map((r) => r.note),
  ]
    .map((text) => text.trim())
    .filter(Boolean)
    .join('\n\n');
}
