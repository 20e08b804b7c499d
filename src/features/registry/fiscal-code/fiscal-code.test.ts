import { describe, expect, it } from 'vitest';
import {
  compareFiscalCode,
  computeCheckCharacter,
  computeFiscalCode,
  decodeFiscalCode,
  familyNameCode,
  FiscalCodeError,
  findDecodedFiscalCode,
  givenNameCode,
  normalizeFiscalCode,
  toOmocode,
  validateFiscalCode,
} from './fiscal-code.ts';

// Expected codes were worked out by hand from the ministerial rules (check characters
// double-checked with a separate script), not produced by the code under test.
const MARIO_ROSSI = 'RSSMRA85T10A562S'; // Mario Rossi, 10 Dec 1985, San Giuliano Terme (A562)
const MARIA_BIANCHI = 'BNCMRA90C55F205B'; // Maria Bianchi, 15 Mar 1990, Milano (F205)
const ELENA_POPESCU = 'PPSLNE79E42Z129B'; // Elena Popescu, 2 May 1979, Romania (Z129)
const TODAY = new Date('2026-03-01T12:00:00Z');

/** A code with a correct check character, to reach the checks that come after it. */
function withCheck(first15: string): string {
  return first15 + computeCheckCharacter(first15);
}

describe('normalizeFiscalCode', () => {
  it('trims, removes inner spaces and upper-cases', () => {
    expect(normalizeFiscalCode('  rss mra 85t10 a562s\t')).toBe(MARIO_ROSSI);
  });
});

describe('validateFiscalCode', () => {
  it('accepts well-known valid codes, also lower case and spaced', () => {
    for (const code of [MARIO_ROSSI, MARIA_BIANCHI, ELENA_POPESCU, 'rssmra85t10a562s', 'RSS MRA 85T10 A562S']) {
      expect(validateFiscalCode(code)).toEqual({ valid: true });
    }
  });

  it('rejects a wrong length', () => {
    expect(validateFiscalCode('RSSMRA85T10A562')).toEqual({ valid: false, reason: 'length' });
    expect(validateFiscalCode('RSSMRA85T10A562SS')).toEqual({ valid: false, reason: 'length' });
    expect(validateFiscalCode('')).toEqual({ valid: false, reason: 'length' });
  });

  it('rejects characters in the wrong places', () => {
    expect(validateFiscalCode('1SSMRA85T10A562S')).toEqual({ valid: false, reason: 'format' });
    expect(validateFiscalCode('RSSMRA85T10A5629')).toEqual({ valid: false, reason: 'format' });
    // W is not one of the omocodia letters.
    expect(validateFiscalCode('RSSMRA8WT10A562S')).toEqual({ valid: false, reason: 'format' });
    expect(validateFiscalCode('RSSMRA85T10A562-')).toEqual({ valid: false, reason: 'format' });
  });

  it('rejects a wrong check character', () => {
    expect(validateFiscalCode('RSSMRA85T10A562T')).toEqual({ valid: false, reason: 'checkCharacter' });
    // A typo that swaps two digits is caught too.
    expect(validateFiscalCode('RSSMRA58T10A562S')).toEqual({ valid: false, reason: 'checkCharacter' });
  });

  it('rejects impossible months and days', () => {
    const invalid = { valid: false, reason: 'birthDate' };
    expect(validateFiscalCode(withCheck('RSSMRA85F10A562'))).toEqual(invalid); // F is no month
    expect(validateFiscalCode(withCheck('RSSMRA85T00A562'))).toEqual(invalid);
    expect(validateFiscalCode(withCheck('RSSMRA85T32A562'))).toEqual(invalid);
    expect(validateFiscalCode(withCheck('RSSMRA85T40A562'))).toEqual(invalid);
    expect(validateFiscalCode(withCheck('RSSMRA85T72A562'))).toEqual(invalid);
    expect(validateFiscalCode(withCheck('RSSMRA85D31A562'))).toEqual(invalid); // 31 April
    expect(validateFiscalCode(withCheck('RSSMRA85B29A562'))).toEqual(invalid); // 1985 not leap
    expect(validateFiscalCode(withCheck('RSSMRA85T71A562'))).toEqual({ valid: true });
  });

  it('accepts 29 February only in years that can be leap', () => {
    expect(validateFiscalCode('VRDGPP00B29L219Q')).toEqual({ valid: true });
    expect(validateFiscalCode('BNCLRA84B69H501D')).toEqual({ valid: true });
  });
});

describe('omocodia', () => {
  it('accepts the omocode variants and decodes them to the same person', () => {
    expect(validateFiscalCode('RSSMRA85T10A56NH')).toEqual({ valid: true });
    for (let level = 1; level <= 7; level++) {
      const omocode = toOmocode(MARIO_ROSSI, level);
      expect(validateFiscalCode(omocode)).toEqual({ valid: true });
      expect(decodeFiscalCode(omocode, TODAY)).toEqual({
        sex: 'M',
        birthDate: '1985-12-10',
        birthPlaceCode: 'A562',
        isOmocode: true,
      });
    }
  });

  it('replaces digits from the rightmost one, as the Agenzia delle Entrate does', () => {
    expect(toOmocode(MARIO_ROSSI, 1)).toBe('RSSMRA85T10A56NH');
    expect(toOmocode(MARIO_ROSSI, 7)).toBe('RSSMRAURTMLARSNL');
    expect(toOmocode('RSSMRA85T10A56NH', 0)).toBe(MARIO_ROSSI);
  });

  it('refuses to build omocodes from invalid codes or levels', () => {
    expect(() => toOmocode('RSSMRA85T10A562T', 1)).toThrow(FiscalCodeError);
    expect(() => toOmocode(MARIO_ROSSI, 8)).toThrow(RangeError);
  });

  it('still checks the check character of an omocode', () => {
    expect(validateFiscalCode('RSSMRA85T10A56NS')).toEqual({ valid: false, reason: 'checkCharacter' });
  });
});

describe('decodeFiscalCode', () => {
  it('decodes sex, birth date and birth place', () => {
    expect(decodeFiscalCode(MARIO_ROSSI, TODAY)).toEqual({
      sex: 'M',
      birthDate: '1985-12-10',
      birthPlaceCode: 'A562',
      isOmocode: false,
    });
  });

  it('reads a day above 40 as a woman born on day - 40', () => {
    expect(decodeFiscalCode(MARIA_BIANCHI, TODAY)).toMatchObject({ sex: 'F', birthDate: '1990-03-15' });
  });

  it('returns foreign "Z" birth places as they are', () => {
    expect(decodeFiscalCode(ELENA_POPESCU, TODAY)).toMatchObject({ sex: 'F', birthPlaceCode: 'Z129' });
  });

  it('picks the latest century that puts the birth date on or before today', () => {
    const code = 'NCLFNC25T01F839V'; // 1 December, year "25"
    expect(decodeFiscalCode(code, new Date('2026-01-01')).birthDate).toBe('2025-12-01');
    expect(decodeFiscalCode(code, new Date('2025-12-01')).birthDate).toBe('2025-12-01');
    expect(decodeFiscalCode(code, new Date('2025-06-01')).birthDate).toBe('1925-12-01');
    expect(decodeFiscalCode('HUXLIX20A01Z210X', new Date('2019-05-05')).birthDate).toBe('1920-01-01');
  });

  it('reads today as the day in Italy: a child registered at 00:30 on the day of birth is not a century old', () => {
    // 23:30 UTC on 30 November is already 1 December in Italy.
    expect(decodeFiscalCode('NCLFNC25T01F839V', new Date('2025-11-30T23:30:00Z')).birthDate).toBe('2025-12-01');
  });

  it('checks 29 February against the chosen century', () => {
    expect(decodeFiscalCode('VRDGPP00B29L219Q', TODAY).birthDate).toBe('2000-02-29');
    expect(decodeFiscalCode('BNCLRA84B69H501D', TODAY).birthDate).toBe('1984-02-29');
    // Before 29 Feb 2000 the year "00" means 1900, which was not a leap year.
    expect(findDecodedFiscalCode('VRDGPP00B29L219Q', new Date('1999-06-01'))).toBeUndefined();
    expect(() => decodeFiscalCode('VRDGPP00B29L219Q', new Date('1999-06-01'))).toThrow(FiscalCodeError);
  });

  it('find returns undefined and decode throws with the reason for invalid codes', () => {
    expect(findDecodedFiscalCode('RSSMRA85T10A562T')).toBeUndefined();
    expect(() => decodeFiscalCode('RSSMRA85T10A562T')).toThrow(
      expect.objectContaining({ name: 'FiscalCodeError', reason: 'checkCharacter' }),
    );
    expect(() => decodeFiscalCode('ABC')).toThrow(expect.objectContaining({ reason: 'length' }));
  });
});

describe('name codes', () => {
  it('takes consonants, then vowels, then pads with X', () => {
    expect(familyNameCode('Rossi')).toBe('RSS');
    expect(familyNameCode('Bianchi')).toBe('BNC');
    expect(familyNameCode('Rea')).toBe('REA');
    expect(familyNameCode('Fo')).toBe('FOX');
    expect(familyNameCode('Hu')).toBe('HUX');
    expect(givenNameCode('Ugo')).toBe('GUO');
    expect(givenNameCode('Ada')).toBe('DAA');
    expect(givenNameCode('Li')).toBe('LIX');
  });

  it('uses 1st, 3rd and 4th consonant of given names with four or more consonants', () => {
    expect(givenNameCode('Gianfranco')).toBe('GFR');
    expect(givenNameCode('Francesco')).toBe('FNC');
    expect(givenNameCode('Giuseppe')).toBe('GPP');
    expect(givenNameCode('Maria Luisa')).toBe('MLS');
    // Family names never skip consonants.
    expect(familyNameCode('Gianfranco')).toBe('GNF');
  });

  it('removes accents and ignores apostrophes, spaces and hyphens', () => {
    expect(givenNameCode('Nicolò')).toBe('NCL');
    expect(givenNameCode('Niccolò')).toBe('NCL');
    expect(givenNameCode('Zoë')).toBe('ZOE');
    expect(familyNameCode("D'Angelo")).toBe('DNG');
    expect(familyNameCode('De Luca')).toBe('DLC');
    expect(familyNameCode("Dell'Acqua")).toBe('DLL');
    expect(familyNameCode('Müller')).toBe('MLL');
    expect(familyNameCode('Rossi-Bianchi')).toBe('RSS');
  });
});

describe('computeFiscalCode', () => {
  it('computes the classic examples', () => {
    expect(
      computeFiscalCode({ familyName: 'Rossi', givenName: 'Mario', sex: 'M', birthDate: '1985-12-10', birthPlaceCode: 'A562' }),
    ).toBe(MARIO_ROSSI);
    expect(
      computeFiscalCode({ familyName: 'Bianchi', givenName: 'Maria', sex: 'F', birthDate: '1990-03-15', birthPlaceCode: 'F205' }),
    ).toBe(MARIA_BIANCHI);
    expect(
      computeFiscalCode({ familyName: "D'Angelo", givenName: 'Nicolò', sex: 'M', birthDate: '1971-11-12', birthPlaceCode: 'a944' }),
    ).toBe('DNGNCL71S12A944E');
  });

  it('handles people born abroad and on 29 February', () => {
    expect(
      computeFiscalCode({ familyName: 'Popescu', givenName: 'Elena', sex: 'F', birthDate: '1979-05-02', birthPlaceCode: 'Z129' }),
    ).toBe(ELENA_POPESCU);
    expect(
      computeFiscalCode({ familyName: 'Verdi', givenName: 'Giuseppe', sex: 'M', birthDate: '2000-02-29', birthPlaceCode: 'L219' }),
    ).toBe('VRDGPP00B29L219Q');
  });

  it('rejects data it cannot encode', () => {
    const person = { familyName: 'Rossi', givenName: 'Mario', sex: 'M' as const, birthDate: '1985-12-10', birthPlaceCode: 'A562' };
    expect(() => computeFiscalCode({ ...person, birthDate: '2023-02-29' })).toThrow(RangeError);
    expect(() => computeFiscalCode({ ...person, birthDate: '10/12/1985' })).toThrow(RangeError);
    expect(() => computeFiscalCode({ ...person, birthPlaceCode: 'Roma' })).toThrow(RangeError);
    expect(() => computeFiscalCode({ ...person, familyName: "'" })).toThrow(RangeError);
    expect(() => computeFiscalCode({ ...person, sex: 'X' as 'M' })).toThrow(RangeError);
  });
});

describe('compareFiscalCode', () => {
  const mario = { familyName: 'Rossi', givenName: 'Mario', sex: 'M' as const, birthDate: '1985-12-10', birthPlaceCode: 'A562' };

  it('finds no mismatch for matching data, also against an omocode', () => {
    expect(compareFiscalCode(MARIO_ROSSI, mario)).toEqual([]);
    expect(compareFiscalCode(toOmocode(MARIO_ROSSI, 3), mario)).toEqual([]);
    expect(compareFiscalCode('rssmra85t10a56nh', mario)).toEqual([]);
  });

  it('reports each field that disagrees', () => {
    expect(compareFiscalCode(MARIO_ROSSI, { ...mario, familyName: 'Ricci' })).toEqual(['familyName']);
    expect(compareFiscalCode(MARIO_ROSSI, { ...mario, givenName: 'Marco' })).toEqual(['givenName']);
    expect(compareFiscalCode(MARIO_ROSSI, { ...mario, sex: 'F' })).toEqual(['sex']);
    expect(compareFiscalCode(MARIO_ROSSI, { ...mario, birthDate: '1985-12-11' })).toEqual(['birthDate']);
    expect(compareFiscalCode(MARIO_ROSSI, { ...mario, birthPlaceCode: 'Z100' })).toEqual(['birthPlace']);
    expect(
      compareFiscalCode(MARIO_ROSSI, { familyName: 'Bianchi', givenName: 'Laura', sex: 'F', birthDate: '1990-03-15', birthPlaceCode: 'F205' }),
    ).toEqual(['familyName', 'givenName', 'sex', 'birthDate', 'birthPlace']);
  });

  it('cannot tell apart names that share the same letters code', () => {
    expect(compareFiscalCode(MARIO_ROSSI, { ...mario, familyName: 'Russo' })).toEqual([]);
  });

  it('only checks the fields it is given', () => {
    expect(compareFiscalCode(MARIO_ROSSI, {})).toEqual([]);
    expect(compareFiscalCode(MARIO_ROSSI, { sex: 'F' })).toEqual(['sex']);
    expect(compareFiscalCode(MARIA_BIANCHI, { birthDate: '1990-03-15' })).toEqual([]);
  });

  it('accepts a birth date a century before the decoded one', () => {
    expect(compareFiscalCode('HUXLIX20A01Z210X', { familyName: 'Hu', givenName: 'Li', birthDate: '1920-01-01' })).toEqual([]);
  });

  it('throws when the fiscal code itself is invalid', () => {
    expect(() => compareFiscalCode('RSSMRA85T10A562T', mario)).toThrow(FiscalCodeError);
  });
});
