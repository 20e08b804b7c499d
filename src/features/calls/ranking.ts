import { scoreAnswers } from './scoring.ts';
import { FINAL_TIE_BREAKER_KEY, type Application, type RuleSet, type TieBreaker } from './scoring.schemas.ts';

/**
 * The provisional ranking of a call: points per criterion, total, then the tie-breakers in the call's
 * order and finally the earlier protocol, which makes the order total (protocols are unique). The
 * result depends only on the set of applications, never on the order they are given in.
 */

export interface Label {
  it: string;
  en: string;
}

/** A tie-breaker as the ranking applies it: the call's ones, then the final protocol. */
export interface AppliedTieBreaker {
  key: string;
  label: Label;
  /** 1-based position in the applied list (the final protocol is the last). */
  position: number;
}

export interface RankedEntry {
  /** 1..n, each once. */
  rank: number;
  application: Application;
  totalHundredths: number;
  /** When this entry has the same points as the one above: the tie-breaker that put it below. */
  tieBreak: AppliedTieBreaker | null;
}

export interface ExcludedEntry {
  application: Application;
  code: string;
  reason: Label;
}

export interface Ranking {
  /** Criterion keys, in the call's order: the columns of every entry's breakdown. */
  criteria: readonly string[];
  tieBreakers: readonly AppliedTieBreaker[];
  entries: RankedEntry[];
  /**
   * Points of each entry per criterion, in rank order, `criteria.length` columns per entry: one flat
   * array rather than one per entry, which at 1,000,000 applications cost more in garbage collection
   * than the ranking itself. Read an entry's through `breakdownOf`.
   */
  breakdownHundredths: Float64Array;
  /** Excluded applications, by protocol. */
  excluded: ExcludedEntry[];
}

export const FINAL_TIE_BREAKER_LABEL: Label = { it: 'Protocollo precedente', en: 'Earlier protocol' };

/** Protocol as one number, earlier = smaller: the number stays below 10^8 (schema), so this is exact. */
export function protocolOrder(application: Application): number {
  return application.protocol.year * 100_000_000 + application.protocol.number;
}

/** A tie-breaker's key value, smaller = better; a missing answer is +Infinity (after every value). */
function tieValue(tieBreaker: TieBreaker | null, application: Application): number {
  if (tieBreaker === null || tieBreaker.kind === 'earlierProtocol') return protocolOrder(application);
  const value = application.answers[tieBreaker.answer];
  switch (tieBreaker.kind) {
    case 'lowerNumber':
      return typeof value === 'number' ? value : Number.POSITIVE_INFINITY;
    case 'higherNumber':
      return typeof value === 'number' ? -value : Number.POSITIVE_INFINITY;
    case 'flag':
      return value === true ? 0 : 1;
  }
}

/**
 * O(n·(c + t) + n log n · t) for n applications, c criteria, t tie-breakers: every key is computed
 * once into flat arrays before the sort, so the comparator only reads numbers.
 */
export function rankApplications(rules: RuleSet, applications: readonly Application[]): Ranking {
  // Ids are the database's keys and not checked again here: a set of a million strings cost as much as
  // the scoring. The same application given twice is caught anyway, by its protocol.
  const ranked: Application[] = [];
  const excluded: ExcludedEntry[] = [];
  for (const application of applications) {
    if (application.exclusion === null) ranked.push(application);
    else excluded.push({ application, code: application.exclusion.code, reason: application.exclusion.reason });
  }
  excluded.sort((a, b) => protocolOrder(a.application) - protocolOrder(b.application));

  // The call's tie-breakers up to the first earlier-protocol one (anything after it never decides), then the protocol.
  const applied: (TieBreaker | null)[] = [];
  for (const tieBreaker of rules.tieBreakers) {
    if (tieBreaker.kind === 'earlierProtocol') break;
    applied.push(tieBreaker);
  }
  const protocolTie = rules.tieBreakers.find((t) => t.kind === 'earlierProtocol') ?? null;
  applied.push(protocolTie);
  const tieBreakers: AppliedTieBreaker[] = applied.map((t, i) => ({
    key: t?.key ?? FINAL_TIE_BREAKER_KEY,
    label: t?.label ?? FINAL_TIE_BREAKER_LABEL,
    position: i + 1,
  }));

  const n = ranked.length;
  const t = applied.length;
  const totals = new Float64Array(n);
  // Row i: minus the total, then each tie-breaker's value; one row per application, so a comparison
  // reads two nearby stretches of memory (at 1M applications the sort waits on memory, not arithmetic).
  const w = t + 1;
  const keys = new Float64Array(n * w);
  const c = rules.criteria.length;
  const points = new Float64Array(n * c);
  const breakdown = new Array<number>(c);
  for (let i = 0; i < n; i += 1) {
    const application = ranked[i]!;
    totals[i] = scoreAnswers(rules.criteria, application.answers, breakdown);
    points.set(breakdown, i * c);
    keys[i * w] = -totals[i]!;
    for (let k = 0; k < t; k += 1) keys[i * w + k + 1] = tieValue(applied[k]!, application);
  }

  /** The first column on which a and b differ (0: points, k: the k-th tie-breaker), or -1; sign in `order`. */
  let order = 0;
  const decidingColumn = (a: number, b: number): number => {
    for (let k = 0; k < w; k += 1) {
      const x = keys[a * w + k]!;
      const y = keys[b * w + k]!;
      if (x !== y) {
        order = x < y ? -1 : 1;
        return k;
      }
    }
    order = 0;
    return -1;
  };
  const compare = (a: number, b: number): number => {
    decidingColumn(a, b);
    return order;
  };
  const sorted = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) sorted[i] = i;
  sorted.sort(compare);

  // Filled by push: `new Array(n)` of a million is a dictionary in V8.
  const entries: RankedEntry[] = [];
  const breakdownHundredths = new Float64Array(n * c);
  for (let r = 0; r < n; r += 1) {
    const i = sorted[r]!;
    for (let k = 0; k < c; k += 1) breakdownHundredths[r * c + k] = points[i * c + k]!;
    let tieBreak: AppliedTieBreaker | null = null;
    if (r > 0 && totals[sorted[r - 1]!] === totals[i]) {
      const k = decidingColumn(sorted[r - 1]!, i) - 1;
      if (k < 0) {
        const p = ranked[i]!.protocol;
        throw new Error(`Protocol ${p.year}/${p.number} given to two applications`);
      }
      tieBreak = tieBreakers[k]!;
    }
    entries.push({ rank: r + 1, application: ranked[i]!, totalHundredths: totals[i]!, tieBreak });
  }
  return { criteria: rules.criteria.map((criterion) => criterion.key), tieBreakers, entries, breakdownHundredths, excluded };
}

/** An entry's points per criterion, aligned with `ranking.criteria`. */
export function breakdownOf(ranking: Ranking, entry: RankedEntry): number[] {
  const c = ranking.criteria.length;
  return Array.from(ranking.breakdownHundredths.subarray((entry.rank - 1) * c, entry.rank * c));
}
