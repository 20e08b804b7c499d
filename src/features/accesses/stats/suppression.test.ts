import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinkedCounts } from './suppression.ts';

/** A total with its parts, and a grand total over several such rows (a small two-level table). */
function table(rows: number[][]) {
  const counts = new LinkedCounts();
  const rowTotals: number[] = [];
  const cells = rows.map((row) => {
    const handles = row.map((value) => counts.add(value));
    const total = counts.add(row.reduce((a, b) => a + b, 0));
    counts.sum(total, handles);
    rowTotals.push(total);
    return handles;
  });
  const width = rows[0]?.length ?? 0;
  const grand = counts.add(rows.flat().reduce((a, b) => a + b, 0));
  counts.sum(grand, rowTotals);
  for (let column = 0; column < width; column++) {
    const columnTotal = counts.add(rows.reduce((sum, row) => sum + (row[column] ?? 0), 0));
    counts.sum(columnTotal, cells.map((row) => row[column] ?? 0));
  }
  return counts;
}

describe('small-count suppression', () => {
  it('hides every count under five, zero included, and never a larger one without reason', () => {
    const counts = new LinkedCounts();
    const handles = [0, 3, 4, 5, 12].map((v) => counts.add(v));
    expect(handles.map((h) => counts.suppressed(5)[h])).toEqual([null, null, null, 5, 12]);
  });

  it('hides a second figure when a total would reveal the single hidden one', () => {
    const counts = new LinkedCounts();
    const parts = [3, 20, 9].map((v) => counts.add(v));
    const total = counts.add(32);
    counts.sum(total, parts);
    // 3 alone hidden would be 32 − 20 − 9: the smallest visible part (9) goes too, the total stays.
    expect(counts.suppressed(5)).toEqual([null, 20, null, 32]);
  });

  it('in any table, every count under the threshold is hidden and no sum has exactly one hidden figure', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(30), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (raw) => {
        const width = Math.min(...raw.map((row) => row.length));
        const rows = raw.map((row) => row.slice(0, width));
        const counts = table(rows);
        const shown = counts.suppressed(5);
        for (const value of shown) expect(value === null || value >= 5).toBe(true);
        for (const relation of counts.sums) expect(relation.filter((handle) => shown[handle] === null).length).not.toBe(1);
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });
});
