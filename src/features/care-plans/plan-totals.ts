import type { FundingBody, SupportFrequency } from './care-plans.codes.ts';

/**
 * The money of a plan, in integer euro cents only (no floating point anywhere): shared by the server
 * (totals in the API and the PDF) and the web (live totals while editing).
 *
 * Rules:
 * - A quantity is kept in hundredths of its unit (1.5 hours = 150), a cost in cents.
 * - **Full-month amount** of a support: weekly = quantity × unit cost × 52 weeks / 12 months;
 *   monthly = quantity × unit cost; one-off = quantity × unit cost (paid once).
 * - **Per calendar month** of the support's period (start and end dates included): a recurring support
 *   costs its full-month amount × days active in that month / days of that month (a full month costs
 *   exactly the full-month amount); a one-off support costs its whole amount in the month it starts.
 * - **Rounding**: each (support, month) amount is computed exactly as a fraction and rounded once,
 *   half up, to the cent. Every total (per month, per funding body, per support, of the plan) is the
 *   exact integer sum of those rounded amounts, so the totals shown always add up to the cent.
 */
export interface SupportCost {
  quantityHundredths: number;
  frequency: SupportFrequency;
  unitCostCents: number;
  /** ISO dates, both included. */
  startDate: string;
  endDate: string;
  fundingBody: FundingBody;
}

export interface MonthAmount {
  /** YYYY-MM */
  month: string;
  cents: number;
}

export interface PlanTotals {
  /** Per support, in the order given: its full-month amount and its total over its period. */
  supports: { monthlyCents: number; totalCents: number }[];
  /** Per calendar month touched by any support, in order, with the split by funding body. */
  byMonth: (MonthAmount & { byFundingBody: Partial<Record<FundingBody, number>> })[];
  /** Totals over the whole period per funding body (only bodies with supports). */
  byFundingBody: Partial<Record<FundingBody, number>>;
  /** Sum of the full-month amounts of the recurring supports: what the plan costs in a full month. */
  monthlyCents: number;
  totalCents: number;
}

/** a × b × c / d rounded half up, exactly (BigInt): a, b, c ≥ 0, d > 0. */
function mulDivRound(factors: number[], divisor: bigint): number {
  const product = factors.reduce((acc, f) => acc * BigInt(f), 1n);
  return Number((product * 2n + divisor) / (divisor * 2n));
}

/** The support's amount for a full month (weekly: × 52 / 12), or the one-off amount. */
export function monthlyAmountCents(s: Pick<SupportCost, 'quantityHundredths' | 'frequency' | 'unitCostCents'>): number {
  if (s.frequency === 'weekly') return mulDivRound([s.quantityHundredths, s.unitCostCents, 52], 1200n);
  return mulDivRound([s.quantityHundredths, s.unitCostCents], 100n);
}

function parseDay(iso: string): { y: number; m: number; d: number } {
  const [y = 0, m = 1, d = 1] = iso.slice(0, 10).split('-').map(Number);
  return { y, m, d };
}
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthKey = (y: number, m: number) => `${String(y)}-${String(m).padStart(2, '0')}`;

/** The support's amount in each calendar month of its period (see the rules above). */
export function supportMonths(s: SupportCost): MonthAmount[] {
  const start = parseDay(s.startDate);
  if (s.frequency === 'one_off') return [{ month: monthKey(start.y, start.m), cents: monthlyAmountCents(s) }];
  const end = parseDay(s.endDate);
  const out: MonthAmount[] = [];
  let { y, m } = start;
  // 1200 months at most: a support longer than a century is an input error caught by the schemas.
  for (let guard = 0; guard < 1200 && (y < end.y || (y === end.y && m <= end.m)); guard += 1) {
    const length = daysInMonth(y, m);
    const first = y === start.y && m === start.m ? start.d : 1;
    const last = y === end.y && m === end.m ? end.d : length;
    const days = Math.max(0, last - first + 1);
    const cents =
      s.frequency === 'weekly'
        ? mulDivRound([s.quantityHundredths, s.unitCostCents, 52, days], 1200n * BigInt(length))
        : mulDivRound([s.quantityHundredths, s.unitCostCents, days], 100n * BigInt(length));
    out.push({ month: monthKey(y, m), cents });
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

export function planTotals(supports: readonly SupportCost[]): PlanTotals {
  const months = new Map<string, { cents: number; byFundingBody: Partial<Record<FundingBody, number>> }>();
  const byFundingBody: Partial<Record<FundingBody, number>> = {};
  let monthlyCents = 0;
  let totalCents = 0;
  const perSupport = supports.map((s) => {
    let supportTotal = 0;
    for (const { month, cents } of supportMonths(s)) {
      const row = months.get(month) ?? { cents: 0, byFundingBody: {} };
      row.cents += cents;
      row.byFundingBody[s.fundingBody] = (row.byFundingBody[s.fundingBody] ?? 0) + cents;
      months.set(month, row);
      supportTotal += cents;
    }
    byFundingBody[s.fundingBody] = (byFundingBody[s.fundingBody] ?? 0) + supportTotal;
    const monthly = monthlyAmountCents(s);
    if (s.frequency !== 'one_off') monthlyCents += monthly;
    totalCents += supportTotal;
    return { monthlyCents: monthly, totalCents: supportTotal };
  });
  const byMonth = [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, row]) => ({ month, ...row }));
  return { supports: perSupport, byMonth, byFundingBody, monthlyCents, totalCents };
}

/** "3", "1,5", "0.25" → hundredths (300, 150, 25); null when not a positive number with at most 2 decimals. */
export function parseQuantity(text: string): number | null {
  const match = /^\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*$/u.exec(text);
  if (!match) return null;
  const value = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return value > 0 ? value : null;
}

/** 150 → "1,5" (Italian) or "1.5" (English): the quantity as typed back. */
export function formatQuantity(hundredths: number, language = 'it'): string {
  const whole = Math.floor(hundredths / 100);
  const fraction = String(hundredths % 100).padStart(2, '0').replace(/0+$/u, '');
  return fraction ? `${String(whole)}${language === 'it' ? ',' : '.'}${fraction}` : String(whole);
}
