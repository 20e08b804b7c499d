import { describe, expect, it } from 'vitest';
import { decimalCents, isValidIban, normaliseIban } from './money.ts';

describe('money in integer cents', () => {
  it('writes cents as a spreadsheet decimal with the Italian comma', () => {
    expect(decimalCents(-123405)).toBe('-1234,05');
    expect(decimalCents(7)).toBe('0,07');
  });

  it('checks IBANs with the mod-97 checksum', () => {
    expect(isValidIban('IT60 X054 2811 1010 0000 0123 456')).toBe(true);
    expect(isValidIban('IT61X0542811101000000123456')).toBe(false);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('IT60X05428111010000001234')).toBe(false);
    expect(normaliseIban(' it60 x054 ')).toBe('IT60X054');
  });
});
