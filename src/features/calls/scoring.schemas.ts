import { z } from 'zod';

/**
 * The rule set of a call (bando): how an application's answers become points, how equal points are
 * ordered, and — for budget calls — how much each applicant is paid. Shared by the API, the web and
 * the ranking engine (ranking.ts, assignment.ts, budget.ts), which take the parsed (output) types.
 *
 * Points are integer hundredths ("1,5 punti" = 150): a call may give half points, and sums of
 * decimals in floating point would make two equal totals compare as different.
 */

/** A key of a criterion, a tie-breaker or an answer: stable across versions of the call, not shown. */
export const RuleKey = z.string().regex(/^[a-z][a-zA-Z0-9_]{0,62}$/, 'key');
const Text = z.string().trim().min(1, 'required').max(200);
export const Label = z.strictObject({ it: Text, en: Text });
const Hundredths = z.number().int().min(-1_000_000).max(1_000_000);
/** A band bound on a numeric answer (ISEE in integer cents, age in months…); null: unbounded. */
const Bound = z.number().int().nullable();

/** Bands are half-open [from, to): sorted, not overlapping; only the first may start unbounded, only the last end unbounded. */
function checkBands(bands: readonly { from: number | null; to: number | null }[], ctx: z.RefinementCtx): void {
  bands.forEach((band, i) => {
    if (band.from !== null && band.to !== null && band.from >= band.to) ctx.addIssue({ code: 'custom', message: 'band_empty', path: [i] });
    if (i > 0 && band.from === null) ctx.addIssue({ code: 'custom', message: 'band_unbounded_inside', path: [i, 'from'] });
    if (i < bands.length - 1 && band.to === null) ctx.addIssue({ code: 'custom', message: 'band_unbounded_inside', path: [i, 'to'] });
    const previous = bands[i - 1];
    if (previous?.to != null && band.from !== null && band.from < previous.to) {
      ctx.addIssue({ code: 'custom', message: 'band_overlap', path: [i, 'from'] });
    }
  });
}

export const PointsBand = z.strictObject({ from: Bound, to: Bound, pointsHundredths: Hundredths });

const criterionBase = { key: RuleKey, label: Label, /** The answer it reads. */ answer: RuleKey };
export const Criterion = z.discriminatedUnion('kind', [
  /** Points by the band the numeric answer falls in (ISEE bands); a value in no band scores 0. */
  z.strictObject({
    ...criterionBase,
    kind: z.literal('band'),
    bands: z.array(PointsBand).min(1).max(50).superRefine(checkBands),
    /** Points when the answer is missing (no ISEE declared: usually the lowest band's points or 0). */
    missingHundredths: Hundredths.default(0),
  }),
  /** Points when the answer is yes (single parent, disability in the household…). */
  z.strictObject({ ...criterionBase, kind: z.literal('flag'), pointsHundredths: Hundredths }),
  /** Points per unit of a count (siblings already attending…), whole units only, capped if the call says so. */
  z.strictObject({
    ...criterionBase,
    kind: z.literal('count'),
    pointsPerUnitHundredths: Hundredths,
    /** Most points this criterion can give (absolute value for a negative rate); null: no cap. */
    capHundredths: z.number().int().min(0).max(1_000_000).nullable().default(null),
  }),
]);
export type Criterion = z.infer<typeof Criterion>;

const tieBreakerBase = { key: RuleKey, label: Label };
export const TieBreaker = z.discriminatedUnion('kind', [
  /** The lower value first ("ISEE più basso"); a missing answer comes after every value. */
  z.strictObject({ ...tieBreakerBase, kind: z.literal('lowerNumber'), answer: RuleKey }),
  /** The higher value first (more children under 3…); a missing answer comes after every value. */
  z.strictObject({ ...tieBreakerBase, kind: z.literal('higherNumber'), answer: RuleKey }),
  /** Yes first (disability in the household…); a missing answer counts as no. */
  z.strictObject({ ...tieBreakerBase, kind: z.literal('flag'), answer: RuleKey }),
  /** The earlier protocol (year, then number) first. Anything after it never decides. */
  z.strictObject({ ...tieBreakerBase, kind: z.literal('earlierProtocol') }),
]);
export type TieBreaker = z.infer<typeof TieBreaker>;

/** The key of the final tie-breaker the engine always adds (earlier protocol), reserved in a call. */
export const FINAL_TIE_BREAKER_KEY = 'protocol';

export const RuleSet = z
  .strictObject({
    criteria: z.array(Criterion).min(1).max(50),
    /** In order; the engine appends the earlier protocol last so the order is total. */
    tieBreakers: z.array(TieBreaker).max(10).default([]),
  })
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.criteria.forEach((c, i) => {
      if (seen.has(c.key)) ctx.addIssue({ code: 'custom', message: 'duplicate_key', path: ['criteria', i, 'key'] });
      seen.add(c.key);
    });
    const seenTie = new Set<string>([FINAL_TIE_BREAKER_KEY]);
    rules.tieBreakers.forEach((t, i) => {
      if (seenTie.has(t.key)) ctx.addIssue({ code: 'custom', message: 'duplicate_key', path: ['tieBreakers', i, 'key'] });
      seenTie.add(t.key);
    });
  });
export type RuleSet = z.infer<typeof RuleSet>;

/** An answer: a number (ISEE in cents, a count), yes/no, or not given. A wrong type counts as not given. */
export const AnswerValue = z.union([z.number(), z.boolean(), z.null()]);
export const Answers = z.record(RuleKey, AnswerValue);
export type Answers = z.infer<typeof Answers>;

/** The protocol number of an application: gap-free within a year, so the year is part of it. */
export const Protocol = z.strictObject({ year: z.number().int().min(2000).max(2999), number: z.number().int().min(1).max(99_999_999) });
export type Protocol = z.infer<typeof Protocol>;

/** Why an application is not ranked (not admissible, late, withdrawn…): decided by the caller. */
export const Exclusion = z.strictObject({ code: RuleKey, reason: Label });

export const Application = z.strictObject({
  id: z.string().min(1).max(100),
  protocol: Protocol,
  submittedAt: z.iso.datetime({ offset: true }),
  answers: Answers,
  exclusion: Exclusion.nullable().default(null),
});
export type Application = z.infer<typeof Application>;

export const AmountBand = z.strictObject({ from: Bound, to: Bound, amountCents: z.number().int().min(0).max(100_000_000) });
/** How much a budget call pays an applicant: the same to all, or by band of a numeric answer (ISEE). */
export const AmountRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), amountCents: z.number().int().min(0).max(100_000_000) }),
  z.strictObject({
    kind: z.literal('byBand'),
    answer: RuleKey,
    bands: z.array(AmountBand).min(1).max(50).superRefine(checkBands),
    missingCents: z.number().int().min(0).max(100_000_000).default(0),
  }),
]);
export type AmountRule = z.infer<typeof AmountRule>;
