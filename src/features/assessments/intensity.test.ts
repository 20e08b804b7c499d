import { describe, expect, it } from 'vitest';
import { proposeIntensity } from './intensity.ts';

const dims = (...scores: (number | null)[]) => scores.map((score) => ({ scaleMin: 1, scaleMax: 4, score }));

describe('proposed intensity of taking charge', () => {
  it('no scored dimension proposes nothing', () => {
    expect(proposeIntensity([])).toBeNull();
    expect(proposeIntensity(dims(null, null))).toBeNull();
  });
  it('follows the mean of the normalised scores', () => {
    expect(proposeIntensity(dims(1, 1, 1, 1, 1, 1))).toBe('low');
    expect(proposeIntensity(dims(2, 2, 1, 1, 1, 1))).toBe('low');
    expect(proposeIntensity(dims(2, 2, 2, 2, 2, 2))).toBe('medium');
    expect(proposeIntensity(dims(3, 3, 3, 2, 2, 2))).toBe('high');
    expect(proposeIntensity(dims(3, 3, 3, 3, 3, 3))).toBe('high');
  });
  it('one dimension at the top of its scale gives at least high, two give very high', () => {
    expect(proposeIntensity(dims(4, 1, 1, 1, 1, 1))).toBe('high');
    expect(proposeIntensity(dims(4, 4, 1, 1, 1, 1))).toBe('very_high');
  });
  it('ignores unscored dimensions and works on any scale', () => {
    expect(proposeIntensity(dims(3, null, null))).toBe('high');
    expect(proposeIntensity([{ scaleMin: 0, scaleMax: 10, score: 6 }, { scaleMin: 1, scaleMax: 4, score: 3 }])).toBe('high');
    expect(proposeIntensity([{ scaleMin: 0, scaleMax: 10, score: 2 }])).toBe('low');
  });
});
