import type { RankedEntry } from './ranking.ts';
import type { AmountRule, Answers } from './scoring.schemas.ts';
import { bandOf } from './scoring.ts';

/**
 * Budget calls (contributi): pay in rank order until the budget ends.
 *
 * No partial payment, and when the next applicant's amount does not fit in what is left, nobody after
 * them is paid either — even someone whose smaller amount would fit. Paying a lower-ranked applicant
 * while a better-ranked one gets nothing would break the rank order the call promises; what is left
 * stays in the budget (for the next scorrimento, when someone renounces, or a budget increase: run
 * this again on the same ranking with the renouncers removed).
 */

export interface BudgetLine {
  applicantId: string;
  rank: number;
  amountCents: number;
}

export interface BudgetAllocation {
  /** Paid, in rank order: a prefix of the entitled applicants. */
  paid: BudgetLine[];
  /** The first entitled applicant whose amount did not fit (null when everyone was paid). */
  stoppedAt: BudgetLine | null;
  /** Entitled but not paid (stoppedAt and everyone after), in rank order: the waiting list for freed money. */
  unpaid: BudgetLine[];
  /** Ranked but owed nothing by the rule (amount 0): they neither take money nor stop the payments. */
  notEntitled: string[];
  spentCents: number;
  remainingCents: number;
}

export function amountFor(rule: AmountRule, answers: Answers): number {
  if (rule.kind === 'fixed') return rule.amountCents;
  const value = answers[rule.answer];
  if (typeof value !== 'number') return rule.missingCents;
  return bandOf(rule.bands, value)?.amountCents ?? 0;
}

/** O(n) over the ranked entries (in rank order, as rankApplications returns them). */
export function allocateBudget(ranked: readonly RankedEntry[], rule: AmountRule, budgetCents: number): BudgetAllocation {
  if (!Number.isInteger(budgetCents) || budgetCents < 0) throw new Error('The budget must be whole cents ≥ 0');
  const result: BudgetAllocation = { paid: [], stoppedAt: null, unpaid: [], notEntitled: [], spentCents: 0, remainingCents: budgetCents };
  for (const entry of ranked) {
    const line = { applicantId: entry.application.id, rank: entry.rank, amountCents: amountFor(rule, entry.application.answers) };
    if (line.amountCents === 0) {
      result.notEntitled.push(line.applicantId);
    } else if (result.stoppedAt === null && line.amountCents <= result.remainingCents) {
      result.paid.push(line);
      result.spentCents += line.amountCents;
      result.remainingCents -= line.amountCents;
    } else {
      result.stoppedAt ??= line;
      result.unpaid.push(line);
    }
  }
  return result;
}
