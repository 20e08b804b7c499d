import { computeFiscalCode, toOmocode, type Sex } from '../fiscal-code/fiscal-code.ts';
import { FingerprintSet } from './fingerprint-set.ts';
import {
  FAMILY_NAMES,
  FEMALE_NAMES_MODERN,
  FEMALE_NAMES_TRADITIONAL,
  FOREIGN_NAMES,
  MALE_NAMES_MODERN,
  MALE_NAMES_TRADITIONAL,
  STREET_NAMES,
  STREET_TYPES,
  type ForeignNameGroup,
} from './names.ts';

export type PreferredLanguage = 'it' | 'en' | 'fr' | 'ar' | 'ro' | 'uk' | 'es';

export interface DemoPerson {
  familyName: string;
  givenName: string;
  sex: Sex;
  /** YYYY-MM-DD */
  birthDate: string;
  /** Belfiore code of the comune, or "Z" code of the foreign state, of birth. */
  birthPlaceCode: string;
  /** ISO 3166-1 alpha-2. */
  citizenship: string;
  /** Null for foreigners who are only temporarily present (STP) and have no codice fiscale. */
  fiscalCode: string | null;
  /** ISTAT code of the home municipality. */
  municipalityCode: string;
  residenceAddress: string;
  /** Italian mobile number in E.164 form, e.g. '+393471234567'. */
  phone: string | null;
  email: string | null;
  preferredLanguage: PreferredLanguage;
}

export interface GeneratePersonsOptions {
  count: number;
  seed: number;
  homeMunicipalities: readonly { istatCode: string; belfiore: string; name: string; population: number }[];
  birthMunicipalities: readonly { belfiore: string; istatCode: string }[];
  foreignCountries: readonly { code: string; iso2: string }[];
  /** Ages are counted back from this day; fixed by default so that a seed always gives the same people. */
  referenceDate?: string;
}

/** Tiny seeded PRNG (mulberry32): returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function weightedPicker<T>(items: readonly T[], weightOf: (item: T, index: number) => number): (random: Random) => T {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((item, index) => {
    total += Math.max(weightOf(item, index), 0);
    cumulative[index] = total;
  });
  if (total <= 0) throw new RangeError('Nothing to pick from');
  return (random) => {
    const target = random() * total;
    let low = 0;
    let high = items.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return items[low]!;
  };
}

/** Earlier names in the lists are the more common ones. */
const byRank = <T>(items: readonly T[]) => weightedPicker(items, (_item, index) => 1 / (index + 4));

const pickFamilyName = byRank(FAMILY_NAMES);
const pickGivenName = {
  M: { traditional: byRank(MALE_NAMES_TRADITIONAL), modern: byRank(MALE_NAMES_MODERN) },
  F: { traditional: byRank(FEMALE_NAMES_TRADITIONAL), modern: byRank(FEMALE_NAMES_MODERN) },
};
const pickStreetName = byRank(STREET_NAMES);
const pickStreetType = weightedPicker(STREET_TYPES, ([, share]) => share);

// Social-services caseloads lean towards the elderly: [from age, to age (excluded), weight].
const AGE_BANDS_BORN_IN_ITALY = [[0, 6, 5], [6, 18, 9], [18, 30, 8], [30, 45, 12], [45, 60, 15], [60, 70, 13], [70, 80, 17], [80, 90, 16], [90, 100, 5]] as const;
const AGE_BANDS_BORN_ABROAD = [[0, 18, 15], [18, 35, 25], [35, 50, 30], [50, 65, 20], [65, 85, 9], [85, 100, 1]] as const;
const pickAgeBandBornInItaly = weightedPicker(AGE_BANDS_BORN_IN_ITALY, ([, , weight]) => weight);
const pickAgeBandBornAbroad = weightedPicker(AGE_BANDS_BORN_ABROAD, ([, , weight]) => weight);

// Rough size, in thousands, of each foreign-born community in Italy; other countries get 1.
const FOREIGN_COMMUNITY_SIZE: Readonly<Record<string, number>> = {
  RO: 1080, MA: 420, AL: 416, CN: 300, UA: 230, IN: 165, PH: 158, BD: 150, EG: 140, PK: 135,
  NG: 120, MD: 110, SN: 110, LK: 110, TN: 100, PE: 87, PL: 70, EC: 65, MK: 55, BR: 50, GH: 50,
  BG: 50, RS: 40, RU: 35, DE: 35, XK: 30, CI: 30, DO: 30, FR: 30, GB: 28, ES: 25, DZ: 25,
  CU: 20, CO: 20, ML: 20, BF: 15, GM: 15, AR: 15, US: 15, BO: 12, CH: 10, VE: 10,
};

const NAME_GROUP_COUNTRIES: Readonly<Record<ForeignNameGroup, string>> = {
  ro: 'RO MD',
  sq: 'AL XK MK',
  ar: 'MA TN EG DZ LY SY IQ JO LB SA AE YE SD PS',
  zh: 'CN TW',
  uk: 'UA RU BY',
  es: 'ES PE EC AR CO BO VE DO CU CL MX SV PY UY HN GT NI PA CR',
  pt: 'BR PT CV AO MZ',
  en: 'NG GH GB US IE CA AU NZ KE ER ET GM LR SL',
  fr: 'SN CI FR BE ML BF GN TG BJ CM CD CG NE MG HT',
  southAsia: 'IN PK BD LK NP AF',
  ph: 'PH',
  de: 'DE AT CH LI',
};
const NAME_GROUP_BY_COUNTRY = new Map<string, ForeignNameGroup>(
  Object.entries(NAME_GROUP_COUNTRIES).flatMap(([group, countries]) =>
    countries.split(' ').map((iso2) => [iso2, group as ForeignNameGroup] as const),
  ),
);
const LANGUAGE_OF_NAME_GROUP: Readonly<Record<ForeignNameGroup, PreferredLanguage>> = {
  ro: 'ro', sq: 'it', ar: 'ar', zh: 'en', uk: 'uk', es: 'es', pt: 'it', en: 'en', fr: 'fr', southAsia: 'en', ph: 'en', de: 'en',
};
const pickForeignName = Object.fromEntries(
  Object.entries(FOREIGN_NAMES).map(([group, names]) => [
    group,
    { M: byRank(names.male), F: byRank(names.female), family: byRank(names.family) },
  ]),
) as Record<ForeignNameGroup, { M: (random: Random) => string; F: (random: Random) => string; family: (random: Random) => string }>;

// Real operator prefixes, so numbers look right to users and to validators.
const MOBILE_PREFIXES = [
  '320', '324', '327', '328', '329', '330', '331', '333', '334', '335', '336', '337', '338', '339', '340', '342',
  '345', '346', '347', '348', '349', '350', '351', '366', '368', '370', '371', '373', '377', '380', '388', '389',
  '391', '392', '393',
] as const;
// Domains reserved by RFC 2606, so demo data can never mail a real person.
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

const SHARE_BORN_ABROAD = 0.08;
/** Among people born abroad; gives about 1% of all people. */
const SHARE_WITHOUT_FISCAL_CODE = 0.125;
const DAYS_PER_YEAR = 365.2425;
const MS_PER_DAY = 86_400_000;

function pickFrom<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Days since 1970-01-01 to YYYY-MM-DD, without Date objects (hot path). */
function isoDateFromEpochDay(epochDay: number): string {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function asciiLower(text: string): string {
  return text.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
}

function makeEmail(givenName: string, familyName: string, birthDate: string, random: Random): string {
  const given = asciiLower(givenName);
  const family = asciiLower(familyName);
  const domain = pickFrom(EMAIL_DOMAINS, random);
  const pattern = Math.floor(random() * 5);
  if (pattern === 0) return `${given}.${family}@${domain}`;
  if (pattern === 1) return `${family}.${given}@${domain}`;
  if (pattern === 2) return `${given}.${family}${birthDate.slice(2, 4)}@${domain}`;
  if (pattern === 3) return `${given[0] ?? ''}${family}@${domain}`;
  return `${given}${family}${1 + Math.floor(random() * 99)}@${domain}`;
}

function makePhone(random: Random): string {
  return `+39${pickFrom(MOBILE_PREFIXES, random)}${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`;
}

function validateOptions(options: GeneratePersonsOptions): number {
  if (!Number.isInteger(options.count) || options.count < 0) throw new RangeError('count must be a non-negative integer');
  if (options.homeMunicipalities.length === 0) throw new RangeError('homeMunicipalities must not be empty');
  const referenceMs = Date.parse(`${options.referenceDate ?? '2026-01-01'}T00:00:00Z`);
  if (Number.isNaN(referenceMs)) throw new RangeError(`Invalid referenceDate: ${String(options.referenceDate)}`);
  return Math.floor(referenceMs / MS_PER_DAY);
}

/**
 * Deterministic stream of realistic Italian people: the same options always give the same
 * people. Fiscal codes are unique within one run, using omocodia when two people would share one.
 */
export function* generatePersons(options: GeneratePersonsOptions): Generator<DemoPerson, void, undefined> {
  const referenceEpochDay = validateOptions(options);
  const random = mulberry32(options.seed);
  const pickHome = weightedPicker(options.homeMunicipalities, (municipality) => Math.max(municipality.population, 1));
  const birthMunicipalities = options.birthMunicipalities;
  const pickCountry =
    options.foreignCountries.length > 0
      ? weightedPicker(options.foreignCountries, (country) => FOREIGN_COMMUNITY_SIZE[country.iso2] ?? 1)
      : undefined;
  const issuedFiscalCodes = new FingerprintSet();

  for (let index = 0; index < options.count; index++) {
    const home = pickHome(random);
    const country = pickCountry && random() < SHARE_BORN_ABROAD ? pickCountry(random) : undefined;
    const [fromAge, toAge] = (country ? pickAgeBandBornAbroad : pickAgeBandBornInItaly)(random);
    const ageInYears = fromAge + random() * (toAge - fromAge);
    const birthDate = isoDateFromEpochDay(referenceEpochDay - Math.floor(ageInYears * DAYS_PER_YEAR));
    const sex: Sex = random() < (ageInYears >= 75 ? 0.62 : 0.5) ? 'F' : 'M';

    let familyName: string;
    let givenName: string;
    let birthPlaceCode: string;
    let preferredLanguage: PreferredLanguage = 'it';
    if (country) {
      const group = NAME_GROUP_BY_COUNTRY.get(country.iso2) ?? 'en';
      familyName = pickForeignName[group].family(random);
      givenName = pickForeignName[group][sex](random);
      birthPlaceCode = country.code;
      // Many long-term residents prefer Italian for dealings with the comune.
      if (random() >= 0.35) preferredLanguage = LANGUAGE_OF_NAME_GROUP[group];
    } else {
      familyName = pickFamilyName(random);
      const generation = (ageInYears > 60 ? random() < 0.85 : random() < 0.15) ? 'traditional' : 'modern';
      givenName = pickGivenName[sex][generation](random);
      const place = random();
      if (place < 0.5) birthPlaceCode = home.belfiore;
      else if (place < 0.85 || birthMunicipalities.length === 0) birthPlaceCode = pickHome(random).belfiore;
      else birthPlaceCode = pickFrom(birthMunicipalities, random).belfiore;
    }

    let fiscalCode: string | null = null;
    if (!country || random() >= SHARE_WITHOUT_FISCAL_CODE) {
      const baseCode = computeFiscalCode({ familyName, givenName, sex, birthDate, birthPlaceCode });
      // Like the Agenzia delle Entrate, give the next omocodia level to a later namesake.
      for (let level = 0; level <= 7 && fiscalCode === null; level++) {
        const candidate = level === 0 ? baseCode : toOmocode(baseCode, level);
        if (issuedFiscalCodes.add(candidate)) fiscalCode = candidate;
      }
    }

    const [streetType] = pickStreetType(random);
    const houseNumber = 1 + Math.floor(random() * random() * 150);
    const residenceAddress = `${streetType} ${pickStreetName(random)} ${houseNumber}`;
    const phoneShare = ageInYears < 12 ? 0 : ageInYears < 18 ? 0.6 : ageInYears < 80 ? 0.85 : 0.5;
    const phone = random() < phoneShare ? makePhone(random) : null;
    const emailShare = ageInYears < 14 ? 0 : ageInYears < 70 ? 0.6 : 0.25;
    const email = random() < emailShare ? makeEmail(givenName, familyName, birthDate, random) : null;

    yield {
      familyName,
      givenName,
      sex,
      birthDate,
      birthPlaceCode,
      citizenship: country?.iso2 ?? 'IT',
      fiscalCode,
      municipalityCode: home.istatCode,
      residenceAddress,
      phone,
      email,
      preferredLanguage,
    };
  }
}
