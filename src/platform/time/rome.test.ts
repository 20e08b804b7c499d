import { describe, expect, it } from 'vitest';
import { dayInRome } from './rome.ts';

describe('the Italian day', () => {
  it('turns at midnight in Rome, not in UTC, in winter and in summer', () => {
    expect(dayInRome(new Date('2026-01-14T22:59:59Z'))).toBe('2026-01-14');
    expect(dayInRome(new Date('2026-01-14T23:00:00Z'))).toBe('2026-01-15');
    expect(dayInRome(new Date('2026-07-14T21:59:59Z'))).toBe('2026-07-14');
    expect(dayInRome(new Date('2026-07-14T22:00:00Z'))).toBe('2026-07-15');
  });
});
