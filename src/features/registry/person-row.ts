import type { Db } from '../../platform/db/database.ts';
import { inScope, type Scope } from '../../platform/access/scope.ts';
import type { FiscalCodeCheck, Person, PersonInput, PersonSummary } from './registry.schemas.ts';
import { compareFiscalCode, findDecodedFiscalCode, normalizeFiscalCode } from './fiscal-code/fiscal-code.ts';
import { birthPlaceName, checkFiscalCode } from './fiscal-code-check.ts';
import './registry.tables.ts';
import '../territories/territories.tables.ts';
import { clock } from '../../platform/time/clock.ts';

/**
 * The scoped accessor of personal data: every query on persons starts here, so the territorial
 * filter of the actor's grants is always applied.
 */
export function scopedPersons(db: Db, scope: Scope) {
  return db.selectFrom('person as p').where(inScope(scope, 'p.municipality_code', 'p.area_id'));
}

type PersonQuery = ReturnType<typeof scopedPersons>;

export function selectPersonDetail(query: PersonQuery) {
  // Only the area's name is read here (areas are created at run time); toPerson takes the other names
  // from memory (loadReferenceNames). That makes this one-person read about a third cheaper for
  // PostgreSQL: planning the joins or subqueries for four names cost more than running the read.
  return query
    .selectAll('p')
    .select((eb) => eb.selectFrom('area as a').select('a.name').whereRef('a.id', '=', 'p.area_id').$asScalar().$castTo<string | null>().as('area_name'));
}

export type PersonDetailRow = Awaited<ReturnType<ReturnType<typeof selectPersonDetail>['executeTakeFirstOrThrow']>>;

interface ReferenceNames {
  /** Municipality name by ISTAT code. */
  municipalities: Map<string, string>;
  /** Birth place name by code: municipalities by Belfiore code, then foreign states by Z code. */
  birthPlaces: Map<string, string>;
}

/** How long the names are kept before they are read again. */
const REFERENCE_NAMES_TTL_MS = 10 * 60_000;
let referenceNames: { expiresAt: number; names: Promise<ReferenceNames> } | undefined;

/**
 * Names of municipalities and foreign states, kept in memory. They are reference data: written only by
 * syncReferenceData, from the files shipped with Trama, when a server starts; reading them again every
 * 10 minutes bounds how long a name changed by a newer release can show its old value. A code missing
 * from the maps is looked up in the database, so a name is never missing or invented.
 */
function loadReferenceNames(db: Db): Promise<ReferenceNames> {
  const now = clock.nowMs();
  if (referenceNames && referenceNames.expiresAt > now) return referenceNames.names;
  const names = Promise.all([
    db.selectFrom('municipality').select(['istat_code', 'belfiore', 'name']).execute(),
    db.selectFrom('foreign_country').select(['code', 'name_it']).execute(),
  ]).then(([municipalities, countries]) => {
    const birthPlaces = new Map(countries.map((country) => [country.code, country.name_it]));
    // The same precedence as birthPlaceName: a municipality before a foreign state.
    for (const municipality of municipalities) birthPlaces.set(municipality.belfiore, municipality.name);
    return { municipalities: new Map(municipalities.map((m) => [m.istat_code, m.name])), birthPlaces };
  });
  const entry = { expiresAt: now + REFERENCE_NAMES_TTL_MS, names };
  referenceNames = entry;
  names.catch(() => {
    if (referenceNames === entry) referenceNames = undefined;
  });
  return names;
}

async function municipalityName(db: Db, names: ReferenceNames, code: string | null): Promise<string | null> {
  if (code === null) return null;
  const known = names.municipalities.get(code);
  if (known !== undefined) return known;
  const row = await db.selectFrom('municipality').select('name').where('istat_code', '=', code).executeTakeFirst();
  return row?.name ?? null;
}

async function placeName(db: Db, names: ReferenceNames, code: string | null): Promise<string | null> {
  if (code === null) return null;
  return names.birthPlaces.get(code) ?? birthPlaceName(db, code);
}

/**
 * checkFiscalCode for a stored person, with the name of the birth place the code encodes taken from
 * the reference names instead of a query (checkFiscalCode itself runs when that place is unknown to
 * them). The result is the object checkFiscalCode builds.
 */
async function fiscalCodeCheckOf(db: Db, names: ReferenceNames, row: PersonDetailRow): Promise<FiscalCodeCheck> {
  const fields = {
    fiscalCode: row.fiscal_code,
    familyName: row.family_name,
    givenName: row.given_name,
    sex: row.sex,
    birthDate: row.birth_date,
    birthPlaceCode: row.birth_place_code,
  };
  const fiscalCode = fields.fiscalCode ? normalizeFiscalCode(fields.fiscalCode) : null;
  const decoded = fiscalCode ? findDecodedFiscalCode(fiscalCode) : undefined;
  const decodedPlaceName = decoded ? names.birthPlaces.get(decoded.birthPlaceCode) : undefined;
  if (!fiscalCode || !decoded || decodedPlaceName === undefined) return checkFiscalCode(db, fields);
  return {
    status: 'valid',
    decoded: { sex: decoded.sex, birthDate: decoded.birthDate, birthPlaceCode: decoded.birthPlaceCode, birthPlaceName: decodedPlaceName },
    mismatches: compareFiscalCode(fiscalCode, {
      ...(fields.familyName ? { familyName: fields.familyName } : {}),
      ...(fields.givenName ? { givenName: fields.givenName } : {}),
      ...(fields.sex ? { sex: fields.sex } : {}),
      ...(fields.birthDate ? { birthDate: fields.birthDate } : {}),
      ...(fields.birthPlaceCode ? { birthPlaceCode: fields.birthPlaceCode } : {}),
    }),
  };
}

export async function toPerson(db: Db, row: PersonDetailRow): Promise<Person> {
  const names = await loadReferenceNames(db);
  const [municipalityNameOf, residenceName, domicileName, birthPlace, fiscalCodeCheck] = await Promise.all([
    municipalityName(db, names, row.municipality_code),
    municipalityName(db, names, row.residence_municipality_code),
    municipalityName(db, names, row.domicile_municipality_code),
    placeName(db, names, row.birth_place_code),
    fiscalCodeCheckOf(db, names, row),
  ]);
  const address = (code: string | null, name: string | null, line: string | null, postalCode: string | null) =>
    code && line ? { municipalityCode: code, municipalityName: name ?? code, address: line, postalCode } : null;
  return {
    id: row.id,
    familyName: row.family_name,
    givenName: row.given_name,
    sex: row.sex,
    birthDate: row.birth_date,
    birthPlaceCode: row.birth_place_code,
    birthPlaceName: birthPlace,
    fiscalCode: row.fiscal_code,
    fiscalCodeCheck,
    citizenship: row.citizenship,
    residence: address(row.residence_municipality_code, residenceName, row.residence_address, row.residence_postal_code),
    domicile: address(row.domicile_municipality_code, domicileName, row.domicile_address, row.domicile_postal_code),
    phone: row.phone,
    email: row.email,
    preferredLanguage: row.preferred_language,
    municipalityCode: row.municipality_code,
    municipalityName: municipalityNameOf ?? row.municipality_code,
    areaId: row.area_id,
    areaName: row.area_name,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function selectPersonSummary(query: PersonQuery) {
  return query
    .innerJoin('municipality as m', 'm.istat_code', 'p.municipality_code')
    .select([
      'p.id',
      'p.family_name',
      'p.given_name',
      'p.sex',
      'p.birth_date',
      'p.fiscal_code',
      'p.municipality_code',
      'p.residence_address',
      'm.name as municipality_name',
    ]);
}

export interface SummaryRow {
  id: string;
  family_name: string;
  given_name: string;
  sex: 'M' | 'F' | null;
  birth_date: string | null;
  fiscal_code: string | null;
  municipality_code: string;
  municipality_name: string;
  residence_address: string | null;
}

export const toSummary = (row: SummaryRow): PersonSummary => ({
  id: row.id,
  familyName: row.family_name,
  givenName: row.given_name,
  sex: row.sex,
  birthDate: row.birth_date,
  fiscalCode: row.fiscal_code,
  municipalityCode: row.municipality_code,
  municipalityName: row.municipality_name,
  residenceAddress: row.residence_address,
});

/** Columns written from the input; the fiscal code is stored normalised. */
export function toColumns(input: PersonInput, fiscalCode: string | null) {
  return {
    municipality_code: input.municipalityCode,
    area_id: input.areaId ?? null,
    family_name: input.familyName,
    given_name: input.givenName,
    sex: input.sex ?? null,
    birth_date: input.birthDate ?? null,
    birth_place_code: input.birthPlaceCode ?? null,
    fiscal_code: fiscalCode,
    citizenship: input.citizenship ?? null,
    residence_municipality_code: input.residence?.municipalityCode ?? null,
    residence_address: input.residence?.address ?? null,
    residence_postal_code: input.residence?.postalCode ?? null,
    domicile_municipality_code: input.domicile?.municipalityCode ?? null,
    domicile_address: input.domicile?.address ?? null,
    domicile_postal_code: input.domicile?.postalCode ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    preferred_language: input.preferredLanguage,
  };
}
export type PersonColumns = ReturnType<typeof toColumns>;
