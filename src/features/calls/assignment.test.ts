import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignPlaces, choicesOf, indexOfApplicant, placeOf, reassignAfterRelease, waitingList, type AssignmentState, type Capacity, type Preference, type Release } from './assignment.ts';
import { allocateBudget } from './budget.ts';
import type { RankedEntry } from './ranking.ts';
import { AmountRule, Application } from './scoring.schemas.ts';

const prefs = (entries: [string, string, string[]][]) => new Map<string, Preference>(entries.map(([id, group, sites]) => [id, { group, sites }]));

/** Every stability condition, checked from the state's own (current) preferences. */
function expectStable(state: AssignmentState): void {
  const holders = state.slots.map(() => [] as number[]);
  state.ids.forEach((_, i) => {
    const position = state.held[i]!;
    if (position >= 0) holders[choicesOf(state, i)[position]!]!.push(i);
  });
  holders.forEach((h, slot) => {
    expect(h.length).toBeLessThanOrEqual(state.slots[slot]!.capacity);
    expect(h.length).toBe(state.taken[slot]);
  });
  state.ids.forEach((_, i) => {
    const held = state.held[i]!;
    const better = held === -1 ? choicesOf(state, i) : choicesOf(state, i).slice(0, held);
    for (const slot of better) {
      // A site they prefer is full, and only of applicants ranked above them.
      expect(holders[slot]!.length).toBe(state.slots[slot]!.capacity);
      expect(holders[slot]!.every((j) => j < i)).toBe(true);
    }
  });
}

const sitesOf = (state: AssignmentState) => state.ids.map((id) => placeOf(state, id)?.site ?? null);

/** The state's current preferences and capacities, assigned again from scratch. */
function fromScratch(state: AssignmentState): AssignmentState {
  const preferences = new Map<string, Preference>();
  state.ids.forEach((id, i) => {
    const list = choicesOf(state, i);
    if (list.length > 0) preferences.set(id, { group: state.slots[list[0]!]!.group, sites: list.map((s) => state.slots[s]!.site) });
  });
  return assignPlaces(state.ids, state.slots.map((s) => ({ site: s.site, group: s.group, places: s.capacity })), preferences);
}

describe('place assignment: examples', () => {
  // Two nursery sites, the "lattanti" (infants) group: Girasole has 1 place, Arcobaleno 1.
  const capacity: Capacity[] = [
    { site: 'Girasole', group: 'lattanti', places: 1 },
    { site: 'Arcobaleno', group: 'lattanti', places: 1 },
    { site: 'Girasole', group: 'divezzi', places: 1 },
  ];
  const preferences = prefs([
    ['anna', 'lattanti', ['Girasole', 'Arcobaleno']],
    ['bruno', 'lattanti', ['Girasole', 'Arcobaleno']],
    ['carla', 'lattanti', ['Girasole']],
    ['dario', 'divezzi', ['Arcobaleno', 'Girasole']],
  ]);
  const ranked = ['anna', 'bruno', 'carla', 'dario'];

  it('gives each family its first site with a free place in its group, in rank order; the others wait', () => {
    const state = assignPlaces(ranked, capacity, preferences);
    expect(sitesOf(state)).toEqual(['Girasole', 'Arcobaleno', null, 'Girasole']);
    expect(placeOf(state, 'bruno')).toEqual({ site: 'Arcobaleno', group: 'lattanti', choice: 2 });
    // Bruno holds his second choice and still waits for Girasole, ahead of Carla.
    expect(waitingList(state, 'Girasole', 'lattanti')).toEqual(['bruno', 'carla']);
    expectStable(state);
  });

  it('scorrimento: Anna renounces Girasole, Bruno moves up to it and his Arcobaleno place goes to nobody who wants it', () => {
    const state = assignPlaces(ranked, capacity, preferences);
    const { state: after, moves } = reassignAfterRelease(state, [{ kind: 'renounce', applicantId: 'anna', stayForBetter: false }]);
    expect(moves).toEqual([{ applicantId: 'bruno', group: 'lattanti', from: 'Arcobaleno', to: 'Girasole' }]);
    expect(sitesOf(after)).toEqual([null, 'Girasole', null, 'Girasole']);
    expect(waitingList(after, 'Arcobaleno', 'lattanti')).toEqual([]);
    expectStable(after);
  });

  it('a family that settles for its second site stops waiting; a new place then goes to the next', () => {
    const state = assignPlaces(ranked, capacity, preferences);
    const settled = reassignAfterRelease(state, [{ kind: 'settle', applicantId: 'bruno' }]).state;
    const { moves } = reassignAfterRelease(settled, [{ kind: 'addPlaces', site: 'Girasole', group: 'lattanti', places: 1 }]);
    expect(moves).toEqual([{ applicantId: 'carla', group: 'lattanti', from: null, to: 'Girasole' }]);
  });
});

// --- Properties -------------------------------------------------------------------------------------

const SITES = ['s1', 's2', 's3', 's4'];
const GROUPS = ['g1', 'g2'];

const scenarioArb = fc
  .record({
    capacity: fc.array(fc.record({ site: fc.constantFrom(...SITES), group: fc.constantFrom(...GROUPS), places: fc.integer({ min: 0, max: 3 }) }), { maxLength: 10 }),
    applicants: fc.array(fc.record({ group: fc.constantFrom(...GROUPS), sites: fc.array(fc.constantFrom(...SITES), { maxLength: 5 }), hasPreference: fc.boolean() }), { maxLength: 30 }),
    maxChoices: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  })
  .map(({ capacity, applicants, maxChoices }) => ({
    capacity,
    ranked: applicants.map((_, i): string => `p${i}`),
    preferences: new Map<string, Preference>(applicants.flatMap((a, i) => (a.hasPreference || i % 4 !== 0 ? [[`p${i}`, { group: a.group, sites: a.sites }] as const] : []))),
    options: maxChoices === undefined ? {} : { maxChoices },
  }));

const releaseArb = (n: number): fc.Arbitrary<Release> =>
  fc.oneof(
    fc.record({ kind: fc.constant('renounce' as const), applicantId: fc.integer({ min: 0, max: Math.max(0, n - 1) }).map((i) => `p${i}`), stayForBetter: fc.boolean() }),
    fc.record({ kind: fc.constant('settle' as const), applicantId: fc.integer({ min: 0, max: Math.max(0, n - 1) }).map((i) => `p${i}`) }),
    fc.record({ kind: fc.constant('addPlaces' as const), site: fc.constantFrom(...SITES), group: fc.constantFrom(...GROUPS), places: fc.integer({ min: 1, max: 2 }) }),
  );

describe('place assignment: properties', () => {
  it('is stable and never exceeds a capacity; each place held is one of the applicant\'s sites in their group', () => {
    fc.assert(fc.property(scenarioArb, ({ capacity, ranked, preferences, options }) => {
      const state = assignPlaces(ranked, capacity, preferences, options);
      expectStable(state);
      ranked.forEach((id) => {
        const place = placeOf(state, id);
        if (place === null) return;
        const preference = preferences.get(id)!;
        expect(place.group).toBe(preference.group);
        expect([...new Set(preference.sites)].slice(0, options.maxChoices ?? 99)).toContain(place.site);
      });
    }));
  });

  it('after renunciations, settlements and new places, with their cascades, it is still stable and the same as assigning from scratch', () => {
    const withReleases = scenarioArb.chain((s) => fc.tuple(fc.constant(s), fc.array(fc.array(releaseArb(s.ranked.length), { minLength: 1, maxLength: 3 }), { maxLength: 5 })));
    fc.assert(fc.property(withReleases, ([{ capacity, ranked, preferences, options }, batches]) => {
      let state = assignPlaces(ranked, capacity, preferences, options);
      for (const batch of batches) {
        if (ranked.length === 0) break;
        const before = state;
        const result = reassignAfterRelease(state, batch);
        state = result.state;
        expectStable(state);
        expect(sitesOf(state)).toEqual(sitesOf(fromScratch(state)));
        // Nobody but a renouncer is worse off, and every move is up the mover's own list.
        const renouncers = new Set(batch.flatMap((r) => (r.kind === 'renounce' ? [r.applicantId] : [])));
        ranked.forEach((id, i) => {
          if (renouncers.has(id) || before.held[i] === -1) return;
          expect(state.held[i]).not.toBe(-1);
          expect(state.held[i]!).toBeLessThanOrEqual(before.held[i]!);
        });
        for (const move of result.moves) expect(move.to).not.toBe(move.from);
        // A family that settled for the place it held waits for nothing any more.
        for (const release of batch) {
          if (release.kind !== 'settle' || renouncers.has(release.applicantId)) continue;
          const i = indexOfApplicant(state, release.applicantId)!;
          if (before.held[i] !== -1) expect([choicesOf(state, i).length, state.held[i]]).toEqual([1, 0]);
        }
      }
    }));
  });
});

// --- Budget calls -----------------------------------------------------------------------------------

const entry = (id: string, rank: number, isee: number | null): RankedEntry => ({
  rank, totalHundredths: 0, tieBreak: null,
  application: Application.parse({ id, protocol: { year: 2027, number: rank }, submittedAt: '2027-05-02T08:00:00Z', answers: { isee } }),
});
const byIsee = AmountRule.parse({
  kind: 'byBand', answer: 'isee', missingCents: 0,
  bands: [{ from: null, to: 800_000, amountCents: 50_000 }, { from: 800_000, to: 1_500_000, amountCents: 30_000 }, { from: 1_500_000, to: 2_500_000, amountCents: 10_000 }],
});

describe('budget calls', () => {
  it('pays in rank order; the first that does not fit stops the payments, even for a smaller amount after it', () => {
    const ranked = [entry('a', 1, 500_000), entry('b', 2, 900_000), entry('c', 3, 3_000_000), entry('d', 4, 700_000), entry('e', 5, 2_000_000)];
    const result = allocateBudget(ranked, byIsee, 90_000);
    expect(result.paid.map((l) => [l.applicantId, l.amountCents])).toEqual([['a', 50_000], ['b', 30_000]]);
    expect(result.notEntitled).toEqual(['c']);
    expect(result.stoppedAt).toEqual({ applicantId: 'd', rank: 4, amountCents: 50_000 });
    // e's € 100 would fit in the € 100 left, but d ranks above e.
    expect(result.unpaid.map((l) => l.applicantId)).toEqual(['d', 'e']);
    expect([result.spentCents, result.remainingCents]).toEqual([80_000, 10_000]);
  });

  it('property: the paid are the longest prefix of the entitled whose sum fits; spent ≤ budget; everyone accounted for', () => {
    const arb = fc.record({
      isees: fc.array(fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: null }), { maxLength: 40 }),
      budget: fc.integer({ min: 0, max: 1_000_000 }),
      fixed: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: null }),
    });
    fc.assert(fc.property(arb, ({ isees, budget, fixed }) => {
      const ranked = isees.map((isee, i) => entry(`x${i}`, i + 1, isee));
      const rule = fixed === null ? byIsee : AmountRule.parse({ kind: 'fixed', amountCents: fixed });
      const result = allocateBudget(ranked, rule, budget);
      const entitled = [...result.paid, ...result.unpaid];
      expect(entitled.map((l) => l.rank)).toEqual([...entitled.map((l) => l.rank)].sort((a, b) => a - b));
      expect(entitled.length + result.notEntitled.length).toBe(ranked.length);
      expect(result.spentCents).toBe(result.paid.reduce((s, l) => s + l.amountCents, 0));
      expect(result.spentCents + result.remainingCents).toBe(budget);
      expect(result.spentCents).toBeLessThanOrEqual(budget);
      if (result.stoppedAt !== null) {
        expect(result.unpaid[0]).toEqual(result.stoppedAt);
        expect(result.stoppedAt.amountCents).toBeGreaterThan(result.remainingCents);
      } else {
        expect(result.unpaid).toEqual([]);
      }
    }));
  });
});
