import { describe, expect, it } from 'vitest';
import { isWorkingDay, workingDaysFrom } from './demo-time.ts';

describe('the demo’s working days', () => {
  it('counts back and forth over weekends, from any day, today included', () => {
    // Sunday 31 December 2028: the working day before is Friday the 29th, the one after Monday 1 January.
    expect(workingDaysFrom('2028-12-31', 0)).toBe('2028-12-31');
    expect(workingDaysFrom('2028-12-31', 1)).toBe('2028-12-29');
    expect(workingDaysFrom('2028-12-31', -1)).toBe('2029-01-01');
    // Tuesday 29 February 2028: five working days back is the Tuesday before.
    expect(workingDaysFrom('2028-02-29', 5)).toBe('2028-02-22');
    expect(workingDaysFrom('2028-02-29', -3)).toBe('2028-03-03');
  });

  it('lands only on Monday to Friday', () => {
    for (let n = 1; n <= 30; n += 1) expect(isWorkingDay(workingDaysFrom('2027-10-31', n))).toBe(true);
  });
});
