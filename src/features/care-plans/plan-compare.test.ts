import { describe, expect, it } from 'vitest';
import type { PlanVersion } from './care-plans.schemas.ts';
import { comparePlans } from './plan-compare.ts';

const base: PlanVersion = {
  id: 'p1', caseId: 'c1', versionNumber: 1, basedOnVersion: null, status: 'agreed', summary: 'Restare a casa.', periodStart: '2027-01-01', periodEnd: '2027-06-30',
  objectives: [{ id: 'o1', key: 'k-o1', description: 'Restare a casa', sharedProviderIds: [], results: [{ id: 'r1', key: 'k-r1', description: 'Igiene curata', indicator: 'Schede', targetDate: '2027-03-31' }] }],
  supports: [],
  commitments: [{ id: 'c1', key: 'k-c1', whoKind: 'household', personId: null, whoName: 'La figlia', commitment: 'Fa la spesa.' }],
  tasks: [], reviews: [],
  totals: { monthlyCents: 0, totalCents: 0, byFundingBody: [], byMonth: [] },
  agreement: null, proposedAt: null, activatedAt: null, reviewStartedAt: null, closedAt: null, closingNote: null,
  createdAt: '', createdBy: { id: 'u', displayName: 'u' }, updatedAt: '', updatedBy: { id: 'u', displayName: 'u' }, version: 1,
  allowedTransitions: [], isEditable: false, canStartNewVersion: true,
};

describe('comparing two versions of a plan', () => {
  it('matches items by key: edits are changes, not a removal and an addition', () => {
    const next: PlanVersion = {
      ...base,
      id: 'p2',
      versionNumber: 2,
      summary: 'Restare a casa in sicurezza.',
      objectives: [
        { ...base.objectives[0]!, id: 'o2', results: [{ id: 'r2', key: 'k-r1', description: 'Igiene curata', indicator: 'Schede', targetDate: '2027-04-30' }] },
        { id: 'o3', key: 'k-o3', description: 'Vedere gli amici', sharedProviderIds: [], results: [] },
      ],
      commitments: [],
    };
    const diff = Object.fromEntries(comparePlans(base, next).map((s) => [s.section, s]));
    expect(diff.general?.changed).toEqual([{ key: 'general', label: '', changes: [{ field: 'summary', before: 'Restare a casa.', after: 'Restare a casa in sicurezza.' }] }]);
    expect(diff.objectives).toMatchObject({ added: [{ key: 'k-o3', label: 'Vedere gli amici' }], removed: [], changed: [] });
    expect(diff.results?.changed).toEqual([{ key: 'k-r1', label: 'Igiene curata', changes: [{ field: 'targetDate', before: '2027-03-31', after: '2027-04-30' }] }]);
    expect(diff.commitments?.removed).toEqual([{ key: 'k-c1', label: 'La figlia' }]);
  });

  it('with no previous version everything is added; the same version has no differences', () => {
    expect(comparePlans(null, base).find((s) => s.section === 'objectives')?.added).toHaveLength(1);
    expect(comparePlans(base, base).every((s) => s.added.length + s.removed.length + s.changed.length === 0)).toBe(true);
  });
});
