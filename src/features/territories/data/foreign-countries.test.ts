import { describe, expect, it } from 'vitest';
import foreignCountries from './foreign-countries.json' with { type: 'json' };

describe('foreign-countries.json', () => {
  it('has one entry per cadastral Z code and per ISO code', () => {
    expect(foreignCountries.length).toBe(216);
    expect(new Set(foreignCountries.map((country) => country.code)).size).toBe(foreignCountries.length);
    expect(new Set(foreignCountries.map((country) => country.iso2)).size).toBe(foreignCountries.length);
  });

  it('has well-formed fields', () => {
    for (const country of foreignCountries) {
      expect(country.code).toMatch(/^Z\d{3}$/);
      expect(country.iso2).toMatch(/^[A-Z]{2}$/);
      expect(country.nameIt.trim()).not.toBe('');
      expect(country.nameEn.trim()).not.toBe('');
    }
  });

  it('contains codes commonly seen in Italian fiscal codes', () => {
    const byCode = new Map(foreignCountries.map((country) => [country.code, country]));
    expect(byCode.get('Z100')).toEqual({ code: 'Z100', nameIt: 'Albania', nameEn: 'Albania', iso2: 'AL' });
    expect(byCode.get('Z114')).toMatchObject({ nameIt: 'Regno Unito', iso2: 'GB' });
    expect(byCode.get('Z129')).toMatchObject({ nameIt: 'Romania', iso2: 'RO' });
    expect(byCode.get('Z210')).toMatchObject({ nameIt: 'Cina', iso2: 'CN' });
    expect(byCode.get('Z330')).toMatchObject({ nameIt: 'Marocco', iso2: 'MA' });
    expect(byCode.get('Z404')).toMatchObject({ iso2: 'US' });
    expect(byCode.get('Z907')).toMatchObject({ nameIt: 'Sud Sudan', iso2: 'SS' });
  });
});
