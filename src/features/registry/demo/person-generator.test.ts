import { describe, expect, it } from 'vitest';
import foreignCountries from '../../territories/data/foreign-countries.json' with { type: 'json' };
import { compareFiscalCode, validateFiscalCode } from '../fiscal-code/fiscal-code.ts';
import { FingerprintSet } from './fingerprint-set.ts';
import { generatePersons, mulberry32, type DemoPerson, type GeneratePersonsOptions } from './person-generator.ts';

const HOME_MUNICIPALITIES = [
  { istatCode: '058091', belfiore: 'H501', name: 'Roma', population: 2_748_109 },
  { istatCode: '015146', belfiore: 'F205', name: 'Milano', population: 1_354_196 },
  { istatCode: '037006', belfiore: 'A944', name: 'Bologna', population: 387_971 },
  { istatCode: '050032', belfiore: 'A562', name: 'San Giuliano Terme', population: 31_173 },
];
const BIRTH_MUNICIPALITIES = [
  ...HOME_MUNICIPALITIES.map(({ belfiore, istatCode }) => ({ belfiore, istatCode })),
  { belfiore: 'F839', istatCode: '063049' }, // Napoli
  { belfiore: 'L219', istatCode: '001272' }, // Torino
];
const OPTIONS: GeneratePersonsOptions = {
  count: 5_000,
  seed: 20_260_101,
  homeMunicipalities: HOME_MUNICIPALITIES,
  birthMunicipalities: BIRTH_MUNICIPALITIES,
  foreignCountries,
};

function generate(overrides: Partial<GeneratePersonsOptions> = {}): DemoPerson[] {
  return [...generatePersons({ ...OPTIONS, ...overrides })];
}

const sample = generate();

function share(predicate: (person: DemoPerson) => boolean): number {
  return sample.filter(predicate).length / sample.length;
}

describe('mulberry32', () => {
  it('repeats for the same seed and stays in [0, 1)', () => {
    const first = mulberry32(7);
    const second = mulberry32(7);
    for (let i = 0; i < 1_000; i++) {
      const value = first();
      expect(value).toBe(second());
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    expect(mulberry32(8)()).not.toBe(mulberry32(7)());
  });
});

describe('generatePersons', () => {
  it('gives the same people for the same seed and others for another seed', () => {
    expect(generate()).toEqual(sample);
    const other = generate({ seed: OPTIONS.seed + 1 });
    expect(other).not.toEqual(sample);
  });

  it('honours the count', () => {
    expect(generate({ count: 0 })).toHaveLength(0);
    expect(generate({ count: 1 })).toHaveLength(1);
    expect(sample).toHaveLength(5_000);
  });

  it('streams lazily, so huge counts cost only what is read', () => {
    const iterator = generatePersons({ ...OPTIONS, count: 1_000_000_000 })[Symbol.iterator]();
    const firstThree = [iterator.next().value, iterator.next().value, iterator.next().value];
    expect(firstThree).toEqual(sample.slice(0, 3));
  });

  it('gives only valid fiscal codes that match the person', () => {
    for (const person of sample) {
      if (person.fiscalCode === null) continue;
      expect(validateFiscalCode(person.fiscalCode)).toEqual({ valid: true });
      expect(compareFiscalCode(person.fiscalCode, person)).toEqual([]);
    }
  });

  it('never gives two people the same fiscal code, using omocodia like the Agenzia delle Entrate', () => {
    // One small town makes namesakes born on the same day very likely.
    const crowded = generate({
      count: 20_000,
      homeMunicipalities: [{ istatCode: '050032', belfiore: 'A562', name: 'San Giuliano Terme', population: 1 }],
      birthMunicipalities: [],
      foreignCountries: [],
    });
    const codes = crowded.map((person) => person.fiscalCode);
    expect(new Set(codes).size).toBe(codes.length);
    const omocodes = crowded.filter((person) => /[A-Z]/.test(person.fiscalCode!.slice(12, 15)));
    expect(omocodes.length).toBeGreaterThan(0);
    for (const person of omocodes) expect(compareFiscalCode(person.fiscalCode!, person)).toEqual([]);
  });

  it('places people only in the given municipalities, weighted by population', () => {
    const homeCodes = new Set(HOME_MUNICIPALITIES.map((municipality) => municipality.istatCode));
    for (const person of sample) expect(homeCodes.has(person.municipalityCode)).toBe(true);
    expect(share((person) => person.municipalityCode === '058091')).toBeGreaterThan(share((person) => person.municipalityCode === '015146'));
    expect(share((person) => person.municipalityCode === '050032')).toBeLessThan(0.03);
  });

  it('uses known birth places and matches citizenship to the foreign birth country', () => {
    const italianBirthPlaces = new Set(BIRTH_MUNICIPALITIES.map((municipality) => municipality.belfiore));
    const countryByCode = new Map(foreignCountries.map((country) => [country.code, country.iso2]));
    for (const person of sample) {
      if (person.birthPlaceCode.startsWith('Z')) {
        expect(person.citizenship).toBe(countryByCode.get(person.birthPlaceCode));
      } else {
        expect(italianBirthPlaces.has(person.birthPlaceCode)).toBe(true);
        expect(person.citizenship).toBe('IT');
        expect(person.fiscalCode).not.toBeNull();
        expect(person.preferredLanguage).toBe('it');
      }
    }
  });

  it('has realistic shares of people born abroad, without fiscal code and with email', () => {
    expect(share((person) => person.birthPlaceCode.startsWith('Z'))).toBeCloseTo(0.08, 1);
    expect(share((person) => person.fiscalCode === null)).toBeGreaterThan(0.003);
    expect(share((person) => person.fiscalCode === null)).toBeLessThan(0.02);
    expect(share((person) => person.email !== null)).toBeCloseTo(0.4, 1);
    expect(share((person) => person.preferredLanguage !== 'it')).toBeGreaterThan(0.02);
  });

  it('gives ages from 0 to 100, leaning towards the elderly', () => {
    const ages = sample.map((person) => 2026 - Number(person.birthDate.slice(0, 4)));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(101);
    for (const person of sample) expect(person.birthDate <= '2026-01-01').toBe(true);
    expect(ages.filter((age) => age >= 75).length / ages.length).toBeGreaterThan(0.2);
    expect(ages.filter((age) => age < 18).length / ages.length).toBeGreaterThan(0.08);
  });

  it('formats addresses, phones and emails', () => {
    for (const person of sample) {
      expect(person.residenceAddress).toMatch(/^(Via|Viale|Piazza|Corso|Vicolo|Largo|Strada) .+ \d+$/);
      if (person.phone !== null) expect(person.phone).toMatch(/^\+393\d{9}$/);
      if (person.email !== null) expect(person.email).toMatch(/^[a-z]+[a-z.]*[a-z0-9]*@example\.(com|org|net)$/);
    }
    expect(sample.some((person) => /[àèéìòù']/i.test(person.familyName + person.givenName))).toBe(true);
  });

  it('rejects options it cannot honour', () => {
    expect(() => generate({ count: -1 })).toThrow(RangeError);
    expect(() => generate({ count: 1.5 })).toThrow(RangeError);
    expect(() => generate({ homeMunicipalities: [] })).toThrow(RangeError);
    expect(() => generate({ referenceDate: 'yesterday' })).toThrow(RangeError);
  });
});

describe('FingerprintSet', () => {
  it('tells new values from repeated ones while growing', () => {
    const set = new FingerprintSet();
    let added = 0;
    for (let i = 0; i < 200_000; i++) if (set.add(`code-${i}`)) added++;
    let addedAgain = 0;
    for (let i = 0; i < 200_000; i += 997) if (set.add(`code-${i}`)) addedAgain++;
    expect(added).toBe(200_000);
    expect(addedAgain).toBe(0);
    expect(set.size).toBe(200_000);
  });
});
