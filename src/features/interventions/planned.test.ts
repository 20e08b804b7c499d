import { describe, expect, it } from 'vitest';
import { monthBalances, plannedByMonth } from './interventions.service.ts';

const weekly = { quantity_hundredths: 300, frequency: 'weekly' as const, start_date: '2027-01-01', end_date: '2027-03-15', funding_body: 'union' as const };

describe('planned vs delivered per month (integer hundredths)', () => {
  it('weekly: quantity × 52 / 12 a full month, pro rata of the days in a partial month', () => {
    // 300 × 52 / 12 = 1300; March 15 days of 31: 1300 × 15 / 31 = 629.03 → 629.
    expect(plannedByMonth(weekly)).toEqual([
      { month: '2027-01', hundredths: 1300 },
      { month: '2027-02', hundredths: 1300 },
      { month: '2027-03', hundredths: 629 },
    ]);
  });

  it('monthly and one-off: the quantity a month, or once in the first month', () => {
    expect(plannedByMonth({ ...weekly, frequency: 'monthly', quantity_hundredths: 2200 }).map((m) => m.hundredths)).toEqual([2200, 2200, 1065]);
    expect(plannedByMonth({ ...weekly, frequency: 'one_off', quantity_hundredths: 100 })).toEqual([{ month: '2027-01', hundredths: 100 }]);
  });

  it('sums deliveries per month to the unit, counts absences, and keeps a month with deliveries outside the plan', () => {
    const deliveries = [
      { deliveredOn: '2027-01-05', quantityHundredths: 150, personAbsent: false },
      { deliveredOn: '2027-01-08', quantityHundredths: 0, personAbsent: true },
      { deliveredOn: '2027-01-12', quantityHundredths: 125, personAbsent: false },
      { deliveredOn: '2027-04-01', quantityHundredths: 100, personAbsent: false },
    ];
    expect(monthBalances(weekly, deliveries)).toEqual([
      { month: '2027-01', plannedHundredths: 1300, deliveredHundredths: 275, absences: 1 },
      { month: '2027-02', plannedHundredths: 1300, deliveredHundredths: 0, absences: 0 },
      { month: '2027-03', plannedHundredths: 629, deliveredHundredths: 0, absences: 0 },
      { month: '2027-04', plannedHundredths: 0, deliveredHundredths: 100, absences: 0 },
    ]);
  });
});
