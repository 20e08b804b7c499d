import { describe, expect, it } from 'vitest';
import { formatCents, parseEuros } from './euros.ts';

describe('euros in integer cents', () => {
  it('formats exactly, Italian or English', () => {
    expect(formatCents(0)).toBe('€ 0,00');
    expect(formatCents(5)).toBe('€ 0,05');
    expect(formatCents(123456789)).toBe('€ 1.234.567,89');
    expect(formatCents(-30)).toBe('-€ 0,30');
    expect(formatCents(2778112, 'en')).toBe('€27,781.12');
  });

  it('reads euros typed by a person, with comma or point, into integer cents', () => {
    expect(parseEuros('150')).toBe(15000);
    expect(parseEuros('21,37')).toBe(2137);
    expect(parseEuros('21.37')).toBe(2137);
    expect(parseEuros('0.1')).toBe(10);
    expect(parseEuros('1.234,56')).toBe(123456);
    expect(parseEuros('€ 33,33')).toBe(3333);
    expect(parseEuros('12,345')).toBeNull();
    expect(parseEuros('abc')).toBeNull();
  });
});
