import { describe, expect, it } from 'vitest';
import { decimalCents, formatEuro, isValidIban, normaliseIban, parseEuroCents } from './money.ts';

describe('money in integer cents', () => {
  it('formats Italian euros exactly', () => {
    expect(formatEuro(0)).toBe('€ 0,00');
    expect(formatEuro(10)).toBe('€ 0,10');
    expect(formatEuro(123456789)).toBe('€ 1.234.567,89');
    expect(formatEuro(-30)).toBe('-€ 0,30');
    expect(decimalCents(-123405)).toBe('-1234,05');
  });

  it('checks IBANs with the mod-97 checksum', () => {
    expect(isValidIban('IT60 X054 2811 1010 0000 0123 456')).toBe(true);
    expect(isValidIban('IT61X0542811101000000123456')).toBe(false);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('IT60X05428111010000001234')).toBe(false);
    expect(normaliseIban(' it60 x054 ')).toBe('IT60X054');
  });

  it('reads euros typed by a person into integer cents', () => {
    expect(parseEuroCents('150')).toBe(15000);
    expect(parseEuroCents('0,10')).toBe(10);
    expect(parseEuroCents('0.1')).toBe(10);
    expect(parseEuroCents('1.234,56')).toBe(123456);
    expect(parseEuroCents('€ 33,33')).toBe(3333);
    expect(parseEuroCents('12,345')).toBeNull();
    expect(parseEuroCents('abc')).toBeNull();
  });
});
