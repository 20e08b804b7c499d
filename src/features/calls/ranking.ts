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
  /** Points of each criterion, aligned with `Ranking.criteria` (one array, not one object per criterion: 1M applications). */
  breakdownHundredths: readonly number[];
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
  const ids = new Set<string>();
  const ranked: Application[] = [];
  const excluded: ExcludedEntry[] = [];
  for (const application of applications) {
    if (ids.has(application.id)) throw new Error(`Application ${application.id} given twice`);
    ids.add(application.id);
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
  const keys = new Float64Array(n * t);
  const breakdowns: number[][] = new Array<number[]>(n);
  for (let i = 0; i < n; i += 1) {
    const application = ranked[i]!;
    const breakdown = new Array<number>(rules.criteria.length);
    totals[i] = scoreAnswers(rules.criteria, application.answers, breakdown);
    breakdowns[i] = breakdown;
    for (let k = 0; k < t; k += 1) keys[i * t + k] = tieValue(applied[k]!, application);
  }

  /** The first tie-breaker on which a and b differ (0-based), or -1; sign in `order`. */
  let order = 0;
  const decidingTie = (a: number, b: number): number => {
    for (let k = 0; k < t; k += 1) {
      const x = keys[a * t + k]!;
      const y = keys[b * t + k]!;
      if (x !== y) {
        order = x < y ? -1 : 1;
        return k;
      }
    }
    order = 0;
    return -1;
  };
  const compare = (a: number, b: number): number => {
    const byPoints = totals[b]! - totals[a]!;
    if (byPoints !== 0) return byPoints;
    decidingTie(a, b);
    return order;
  };
  const sorted = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) sorted[i] = i;
  sorted.sort(compare);

  const entries = new Array<RankedEntry>(n);
  for (let r = 0; r < n; r += 1) {
    const i = sorted[r]!;
    let tieBreak: AppliedTieBreaker | null = null;
    if (r > 0 && totals[sorted[r - 1]!] === totals[i]) {
      const k = decidingTie(sorted[r - 1]!, i);
      if (k < 0) {
        const p = ranked[i]!.protocol;
        throw new Error(`Protocol ${p.year}/${p.number} given to two applications`);
      }
      tieBreak = tieBreakers[k]!;
    }
    entries[r] = { rank: r + 1, application: ranked[i]!, totalHundredths: totals[i]!, breakdownHundredths: breakdowns[i]!, tieBreak };
  }
  return { criteria: rules.criteria.map((c) => c.key), tieBreakers, entries, excluded };
}
