import type { PlanSection } from './care-plans.codes.ts';
import type { PlanVersion, SectionDiff } from './care-plans.schemas.ts';

type Fields = Record<string, string | null>;
interface Item {
  key: string;
  label: string;
  fields: Fields;
}

const list = (ids: string[]) => [...ids].sort().join(',');

/** Each section's items as comparable fields (raw values: the reader formats them by field name). */
function itemsOf(plan: PlanVersion): Record<PlanSection, Item[]> {
  return {
    general: [{ key: 'general', label: '', fields: { summary: plan.summary, periodStart: plan.periodStart, periodEnd: plan.periodEnd } }],
    objectives: plan.objectives.map((o) => ({ key: o.key, label: o.description, fields: { description: o.description, sharedProviderIds: list(o.sharedProviderIds) } })),
    results: plan.objectives.flatMap((o) =>
      o.results.map((r) => ({ key: r.key, label: r.description, fields: { description: r.description, indicator: r.indicator, targetDate: r.targetDate, objective: o.description } })),
    ),
    supports: plan.supports.map((s) => ({
      key: s.key,
      label: s.serviceName,
      fields: {
        service: s.serviceName,
        provider: s.providerName,
        quantityHundredths: String(s.quantityHundredths),
        frequency: s.frequency,
        startDate: s.startDate,
        endDate: s.endDate,
        unitCostCents: String(s.unitCostCents),
        fundingBody: s.fundingBody,
        monthlyCents: String(s.monthlyCents),
        notes: s.notes,
        sharedProviderIds: list(s.sharedProviderIds),
      },
    })),
    commitments: plan.commitments.map((c) => ({ key: c.key, label: c.whoName, fields: { whoKind: c.whoKind, whoName: c.whoName, commitment: c.commitment } })),
    tasks: plan.tasks.map((x) => ({ key: x.key, label: x.whoName, fields: { whoKind: x.whoKind, whoName: x.whoName, task: x.task, sharedProviderIds: list(x.sharedProviderIds) } })),
    reviews: plan.reviews.map((r) => ({ key: r.key, label: r.reviewOn, fields: { reviewOn: r.reviewOn, note: r.note } })),
  };
}

function diff(section: PlanSection, before: Item[], after: Item[]): SectionDiff {
  const old = new Map(before.map((i) => [i.key, i]));
  const now = new Map(after.map((i) => [i.key, i]));
  return {
    section,
    added: after.filter((i) => !old.has(i.key)).map(({ key, label }) => ({ key, label })),
    removed: before.filter((i) => !now.has(i.key)).map(({ key, label }) => ({ key, label })),
    changed: after.flatMap((i) => {
      const was = old.get(i.key);
      if (!was) return [];
      const changes = Object.keys({ ...was.fields, ...i.fields })
        .filter((field) => (was.fields[field] ?? null) !== (i.fields[field] ?? null))
        .map((field) => ({ field, before: was.fields[field] ?? null, after: i.fields[field] ?? null }));
      return changes.length ? [{ key: i.key, label: i.label, changes }] : [];
    }),
  };
}

/**
 * What changed from `previous` to `current`, per section: items are matched by their key (kept across
 * versions by "new version"), so an edited objective shows as changed, not removed and added.
 * With no previous version everything is added.
 */
export function comparePlans(previous: PlanVersion | null, current: PlanVersion): SectionDiff[] {
  const now = itemsOf(current);
  const before = previous ? itemsOf(previous) : null;
  return (Object.keys(now) as PlanSection[]).map((section) => diff(section, before?.[section] ?? [], now[section]));
}
