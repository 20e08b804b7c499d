import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakdownOf, rankApplications, type Ranking } from './ranking.ts';
import { Application, RuleSet, type TieBreaker } from './scoring.schemas.ts';

const label = (it: string, en = it) => ({ it, en });
const ISEE_LOWER = { key: 'iseeLower', kind: 'lowerNumber', answer: 'isee', label: label('ISEE più basso', 'Lower ISEE') } as const;

/** A nursery call as a municipality writes it: ISEE bands, family situation, siblings, last year's exclusion. */
const nurseryRules = RuleSet.parse({
  criteria: [
    {
      key: 'iseeBand', kind: 'band', answer: 'isee', label: label('Fascia ISEE', 'ISEE band'), missingHundredths: 0,
      bands: [
        { from: null, to: 1_000_000, pointsHundredths: 1000 },
        { from: 1_000_000, to: 2_000_000, pointsHundredths: 650 },
        { from: 2_000_000, to: 3_500_000, pointsHundredths: 300 },
      ],
    },
    { key: 'singleParent', kind: 'flag', answer: 'singleParent', label: label('Nucleo monoparentale', 'Single parent'), pointsHundredths: 800 },
    { key: 'disability', kind: 'flag', answer: 'disability', label: label('Disabilità nel nucleo', 'Disability in the household'), pointsHundredths: 550 },
    { key: 'bothWorking', kind: 'flag', answer: 'bothWorking', label: label('Entrambi i genitori lavorano', 'Both parents work'), pointsHundredths: 400 },
    { key: 'siblings', kind: 'count', answer: 'siblings', label: label('Fratelli già iscritti', 'Siblings attending'), pointsPerUnitHundredths: 150, capHundredths: 300 },
    { key: 'excludedLastYear', kind: 'flag', answer: 'excludedLastYear', label: label('Escluso lo scorso anno', 'Excluded last year'), pointsHundredths: 25 },
  ],
  tieBreakers: [ISEE_LOWER, { key: 'disabilityFirst', kind: 'flag', answer: 'disability', label: label('Disabilità nel nucleo') }],
});

let protocolCounter = 0;
function application(id: string, answers: Record<string, number | boolean | null>, protocolNumber = ++protocolCounter, exclusion: Application['exclusion'] = null): Application {
  return Application.parse({ id, protocol: { year: 2027, number: protocolNumber }, submittedAt: '2027-03-01T09:00:00+01:00', answers, exclusion });
}

const ids = (ranking: Ranking) => ranking.entries.map((e) => e.application.id);

describe('ranking: examples a clerk recognises', () => {
  it('two families with equal points: the lower ISEE goes first, and the ranking says so ("ISEE più basso")', () => {
    const rossi = application('rossi', { isee: 1_250_000, singleParent: true, bothWorking: false }, 12);
    const bianchi = application('bianchi', { isee: 1_180_000, singleParent: true, bothWorking: false }, 15);
    const ranking = rankApplications(nurseryRules, [rossi, bianchi]);
    expect(ids(ranking)).toEqual(['bianchi', 'rossi']);
    expect(ranking.entries.map((e) => e.totalHundredths)).toEqual([1450, 1450]);
    expect(ranking.entries[0]!.tieBreak).toBeNull();
    expect(ranking.entries[1]!.tieBreak).toMatchObject({ key: 'iseeLower', label: { it: 'ISEE più basso' }, position: 1 });
  });

  it('same points and same ISEE: the earlier protocol decides, named as the final tie-breaker', () => {
    const ranking = rankApplications(nurseryRules, [application('late', { isee: 900_000 }, 40), application('early', { isee: 900_000 }, 7)]);
    expect(ids(ranking)).toEqual(['early', 'late']);
    expect(ranking.entries[1]!.tieBreak).toMatchObject({ key: 'protocol', label: { it: 'Protocollo precedente' }, position: 3 });
  });

  it('breaks points down by criterion in hundredths: 6.50 + 8 + 3 (two siblings, capped) = 17.50', () => {
    const ranking = rankApplications(nurseryRules, [application('verdi', { isee: 1_999_999, singleParent: true, siblings: 4 })]);
    expect(ranking.criteria).toEqual(['iseeBand', 'singleParent', 'disability', 'bothWorking', 'siblings', 'excludedLastYear']);
    expect(breakdownOf(ranking, ranking.entries[0]!)).toEqual([650, 800, 0, 0, 300, 0]);
    expect(ranking.entries[0]!.totalHundredths).toBe(1750);
  });

  it('bands are half-open: € 20,000.00 exactly is in the third band; no ISEE declared scores 0 and loses the ISEE tie', () => {
    const ranking = rankApplications(nurseryRules, [application('noIsee', { bothWorking: true, singleParent: true }, 1), application('edge', { isee: 2_000_000, bothWorking: true, singleParent: true, excludedLastYear: false }, 2)]);
    expect(ranking.entries.map((e) => [e.application.id, breakdownOf(ranking, e)[0]])).toEqual([['edge', 300], ['noIsee', 0]]);
  });

  it('lists excluded applications apart, by protocol, with their reason', () => {
    const late = application('late', { isee: 100 }, 90, { code: 'late', reason: label('Domanda fuori termine', 'Late application') });
    const noDocs = application('noDocs', {}, 30, { code: 'missingDocuments', reason: label('Documentazione incompleta', 'Missing documents') });
    const ranking = rankApplications(nurseryRules, [late, application('ok', { isee: 100 }, 50), noDocs]);
    expect(ids(ranking)).toEqual(['ok']);
    expect(ranking.excluded.map((e) => [e.application.id, e.code, e.reason.it])).toEqual([
      ['noDocs', 'missingDocuments', 'Documentazione incompleta'],
      ['late', 'late', 'Domanda fuori termine'],
    ]);
  });

  it('refuses two applications with one protocol, and so the same application given twice', () => {
    expect(() => rankApplications(nurseryRules, [application('a', {}, 5), application('b', {}, 5)])).toThrow(/2027\/5/);
    const once = application('a', {}, 6);
    expect(() => rankApplications(nurseryRules, [once, once])).toThrow(/2027\/6/);
  });

  it('the schema refuses overlapping bands and the reserved key "protocol"', () => {
    const overlap = { key: 'b', kind: 'band', answer: 'isee', label: label('x'), bands: [{ from: 0, to: 10, pointsHundredths: 1 }, { from: 5, to: 20, pointsHundredths: 2 }] };
    expect(RuleSet.safeParse({ criteria: [overlap] }).success).toBe(false);
    expect(RuleSet.safeParse({ criteria: [nurseryRules.criteria[1]], tieBreakers: [{ ...ISEE_LOWER, key: 'protocol' }] }).success).toBe(false);
  });
});

// --- Properties -------------------------------------------------------------------------------------

const answerKeys = ['isee', 'singleParent', 'disability', 'bothWorking', 'siblings', 'excludedLastYear'] as const;
const tieBreakerPool: TieBreaker[] = [
  ISEE_LOWER,
  { key: 'moreSiblings', kind: 'higherNumber', answer: 'siblings', label: label('Più fratelli') },
  { key: 'disabilityFirst', kind: 'flag', answer: 'disability', label: label('Disabilità') },
  { key: 'earlier', kind: 'earlierProtocol', label: label('Protocollo') },
];

/** Rules with random points (small, so totals tie often) and a random order of tie-breakers. */
const rulesArb = fc
  .record({
    points: fc.array(fc.integer({ min: -100, max: 300 }).map((p) => p * 25), { minLength: 6, maxLength: 6 }),
    ties: fc.shuffledSubarray(tieBreakerPool),
    cap: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
  })
  .map(({ points, ties, cap }) =>
    RuleSet.parse({
      criteria: [
        { ...nurseryRules.criteria[0], bands: [{ from: null, to: 1_000_000, pointsHundredths: points[0] }, { from: 1_000_000, to: 2_000_000, pointsHundredths: points[5] }] },
        { ...nurseryRules.criteria[1], pointsHundredths: points[1] },
        { ...nurseryRules.criteria[2], pointsHundredths: points[2] },
        { ...nurseryRules.criteria[3], pointsHundredths: points[3] },
        { ...nurseryRules.criteria[4], pointsPerUnitHundredths: points[4], capHundredths: cap },
      ],
      tieBreakers: ties,
    }),
  );

const answerArb = fc.record(
  {
    isee: fc.oneof(fc.constantFrom(500_000, 1_000_000, 1_500_000, 2_500_000), fc.constant(null), fc.constant(true)),
    singleParent: fc.boolean(),
    disability: fc.oneof(fc.boolean(), fc.constant(null)),
    bothWorking: fc.boolean(),
    siblings: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(null), fc.constant(1.5)),
  },
  { requiredKeys: [] },
);

const applicationsArb = fc
  .uniqueArray(fc.record({ year: fc.constantFrom(2026, 2027), number: fc.integer({ min: 1, max: 60 }) }), { selector: (p) => `${p.year}/${p.number}`, maxLength: 40 })
  .chain((protocols) => fc.tuple(fc.constant(protocols), fc.array(answerArb, { minLength: protocols.length, maxLength: protocols.length }), fc.array(fc.boolean(), { minLength: protocols.length, maxLength: protocols.length })))
  .map(([protocols, answers, excluded]) =>
    protocols.map((protocol, i) =>
      Application.parse({
        id: `a${i}`, protocol, submittedAt: '2027-01-10T10:00:00Z', answers: answers[i],
        exclusion: excluded[i] && i % 3 === 0 ? { code: 'notAdmissible', reason: label('Non ammissibile') } : null,
      }),
    ),
  );

/** Reference comparison on one tie-breaker, written plainly: negative when a goes first. */
function compareOn(tie: TieBreaker | undefined, a: Application, b: Application): number {
  if (tie === undefined || tie.kind === 'earlierProtocol') return a.protocol.year - b.protocol.year || a.protocol.number - b.protocol.number;
  const x = a.answers[tie.answer];
  const y = b.answers[tie.answer];
  if (tie.kind === 'flag') return (y === true ? 1 : 0) - (x === true ? 1 : 0);
  const xn = typeof x === 'number', yn = typeof y === 'number';
  if (!xn || !yn) return (xn ? 0 : 1) - (yn ? 0 : 1);
  return tie.kind === 'lowerNumber' ? Math.sign(x - y) : Math.sign(y - x);
}

describe('ranking: properties', () => {
  it('is a total order: ranks 1..n once each; ranked and excluded account for every application', () => {
    fc.assert(fc.property(rulesArb, applicationsArb, (rules, apps) => {
      const ranking = rankApplications(rules, apps);
      expect(ranking.entries.map((e) => e.rank)).toEqual(ranking.entries.map((_, i) => i + 1));
      expect(ranking.entries.length + ranking.excluded.length).toBe(apps.length);
      expect(ranking.entries.every((e) => e.application.exclusion === null)).toBe(true);
      expect(ranking.excluded.every((e) => e.application.exclusion !== null)).toBe(true);
    }));
  });

  it('each adjacent pair: more points, or equal points and better on the named tie-breaker with the earlier ones equal', () => {
    fc.assert(fc.property(rulesArb, applicationsArb, (rules, apps) => {
      const ranking = rankApplications(rules, apps);
      const applied = ranking.tieBreakers.map((t) => rules.tieBreakers.find((r) => r.key === t.key));
      ranking.entries.slice(1).forEach((b, i) => {
        const a = ranking.entries[i]!;
        if (a.totalHundredths !== b.totalHundredths) {
          expect(a.totalHundredths).toBeGreaterThan(b.totalHundredths);
          expect(b.tieBreak).toBeNull();
          return;
        }
        const k = b.tieBreak!.position - 1;
        for (let j = 0; j < k; j += 1) expect(compareOn(applied[j], a.application, b.application)).toBe(0);
        expect(compareOn(applied[k], a.application, b.application)).toBeLessThan(0);
      });
    }));
  });

  it('the final tie-breaker is always the earlier protocol, and nothing after a configured protocol applies', () => {
    fc.assert(fc.property(rulesArb, (rules) => {
      const { tieBreakers } = rankApplications(rules, []);
      const protocolAt = rules.tieBreakers.findIndex((t) => t.kind === 'earlierProtocol');
      expect(tieBreakers.length).toBe(protocolAt >= 0 ? protocolAt + 1 : rules.tieBreakers.length + 1);
      if (protocolAt < 0) expect(tieBreakers.at(-1)!.key).toBe('protocol');
    }));
  });

  it('the same applications in any order give the same ranking', () => {
    fc.assert(fc.property(rulesArb, applicationsArb.chain((apps) => fc.tuple(fc.constant(apps), fc.shuffledSubarray(apps, { minLength: apps.length }))), (rules, [apps, shuffled]) => {
      const a = rankApplications(rules, apps);
      const b = rankApplications(rules, shuffled);
      expect(b.entries.map((e) => [e.application.id, e.totalHundredths, e.tieBreak?.key])).toEqual(a.entries.map((e) => [e.application.id, e.totalHundredths, e.tieBreak?.key]));
      expect(b.excluded.map((e) => e.application.id)).toEqual(a.excluded.map((e) => e.application.id));
    }));
  });

  it('the breakdown sums to the total, integer hundredths, one column per criterion', () => {
    fc.assert(fc.property(rulesArb, applicationsArb, (rules, apps) => {
      const ranking = rankApplications(rules, apps);
      for (const entry of ranking.entries) {
        const breakdown = breakdownOf(ranking, entry);
        expect(breakdown).toHaveLength(rules.criteria.length);
        expect(breakdown.reduce((s, p) => s + p, 0)).toBe(entry.totalHundredths);
        expect(breakdown.every(Number.isInteger)).toBe(true);
      }
    }));
  });

  it('answer keys used by the rules cover the generated answers', () => {
    expect(nurseryRules.criteria.map((c) => c.answer)).toEqual([...answerKeys]);
  });
});
