import { describe, expect, it } from 'vitest';
import { periodSlices } from './timeliness.service.ts';

describe('timeliness report slices', () => {
  it('cuts 37 months into slices of 19 and 18 whole months, covering every day once', () => {
    expect(periodSlices('2023-11-27', '2026-11-26', 'month', 2)).toEqual([
      ['2023-11-27', '2025-05-31'],
      ['2025-06-01', '2026-11-26'],
    ]);
  });

  it('keeps quarters whole, and a short period in one slice', () => {
    expect(periodSlices('2024-02-15', '2024-12-31', 'quarter', 2)).toEqual([
      ['2024-02-15', '2024-06-30'],
      ['2024-07-01', '2024-12-31'],
    ]);
    expect(periodSlices('2024-04-01', '2024-04-30', 'month', 2)).toEqual([['2024-04-01', '2024-04-30']]);
    expect(periodSlices('2024-12-10', '2025-01-05', 'month', 2)).toEqual([
      ['2024-12-10', '2024-12-31'],
      ['2025-01-01', '2025-01-05'],
    ]);
  });
});
