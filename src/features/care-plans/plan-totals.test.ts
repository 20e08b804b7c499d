import { describe, expect, it } from 'vitest';
import { formatQuantity, monthlyAmountCents, parseQuantity, planTotals, supportMonths, type SupportCost } from './plan-totals.ts';

const sad: SupportCost = { quantityHundredths: 300, frequency: 'weekly', unitCostCents: 2137, startDate: '2027-01-01', endDate: '2027-06-30', fundingBody: 'union' };

describe('plan totals in integer cents', () => {
  it('3 hours a week at € 21.37 cost € 277.81 in a full month (64.11 × 52 / 12 = 277.81)', () => {
    expect(monthlyAmountCents(sad)).toBe(27781);
    expect(supportMonths(sad)).toEqual(['01', '02', '03', '04', '05', '06'].map((m) => ({ month: `2027-${m}`, cents: 27781 })));
    expect(planTotals([sad]).totalCents).toBe(6 * 27781);
  });

  it('prorates partial months by days and rounds each month once, half up', () => {
    const mid = { ...sad, startDate: '2027-01-16', endDate: '2027-03-10' };
    // January: 16 of 31 days: 300 × 2137 × 52 × 16 / (1200 × 31) = 14338.58… → 14339; March 10/31 → 8961.67… → 8962.
    expect(supportMonths(mid)).toEqual([
      { month: '2027-01', cents: 14339 },
      { month: '2027-02', cents: 27781 },
      { month: '2027-03', cents: 8962 },
    ]);
  });

  it('monthly and one-off supports; totals per month and per funding body add up to the cent', () => {
    const meals: SupportCost = { quantityHundredths: 2200, frequency: 'monthly', unitCostCents: 655, startDate: '2027-02-01', endDate: '2027-03-31', fundingBody: 'municipality' };
    const oneOff: SupportCost = { quantityHundredths: 100, frequency: 'one_off', unitCostCents: 30000, startDate: '2027-03-12', endDate: '2027-03-12', fundingBody: 'national_poverty_fund' };
    const totals = planTotals([sad, meals, oneOff]);
    expect(totals.supports).toEqual([
      { monthlyCents: 27781, totalCents: 166686 },
      { monthlyCents: 14410, totalCents: 28820 },
      { monthlyCents: 30000, totalCents: 30000 },
    ]);
    expect(totals.monthlyCents).toBe(27781 + 14410);
    expect(totals.byFundingBody).toEqual({ union: 166686, municipality: 28820, national_poverty_fund: 30000 });
    expect(totals.byMonth.find((m) => m.month === '2027-03')).toEqual({ month: '2027-03', cents: 27781 + 14410 + 30000, byFundingBody: { union: 27781, municipality: 14410, national_poverty_fund: 30000 } });
    expect(totals.byMonth.reduce((sum, m) => sum + m.cents, 0)).toBe(totals.totalCents);
    expect(Object.values(totals.byFundingBody).reduce((a, b) => a + b, 0)).toBe(totals.totalCents);
  });

  it('stays exact with large amounts (no floating point drift)', () => {
    const big: SupportCost = { quantityHundredths: 99_999, frequency: 'weekly', unitCostCents: 9_999_999, startDate: '2027-01-01', endDate: '2027-01-31', fundingBody: 'other' };
    // 99999 × 9999999 × 52 / 1200 = 51999474800052 / 1200 = 43332895666.71 → 43332895667
    expect(monthlyAmountCents(big)).toBe(43_332_895_667);
  });

  it('parses and formats quantities and euros without floating point', () => {
    expect(parseQuantity('3')).toBe(300);
    expect(parseQuantity('1,5')).toBe(150);
    expect(parseQuantity('0.25')).toBe(25);
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('1,555')).toBeNull();
    expect(formatQuantity(150)).toBe('1,5');
    expect(formatQuantity(150, 'en')).toBe('1.5');
    expect(formatQuantity(300)).toBe('3');
  });
});
