import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { inScope, type Scope } from '../../platform/access/scope.ts';
import type { Person, PersonInput, PersonSummary } from './registry.schemas.ts';
import { checkFiscalCode } from './fiscal-code-check.ts';
import './registry.tables.ts';
import '../territories/territories.tables.ts';

/**
 * The scoped accessor of personal data: every query on persons starts here, so the territorial
 * filter of the actor's grants is always applied.
 */
export function scopedPersons(db: Db, scope: Scope) {
  return db.selectFrom('person as p').where(inScope(scope, 'p.municipality_code', 'p.area_id'));
}

type PersonQuery = ReturnType<typeof scopedPersons>;

export function selectPersonDetail(query: PersonQuery) {
  return query
    .innerJoin('municipality as m', 'm.istat_code', 'p.municipality_code')
    .leftJoin('municipality as rm', 'rm.istat_code', 'p.residence_municipality_code')
    .leftJoin('municipality as dm', 'dm.istat_code', 'p.domicile_municipality_code')
    .leftJoin('area as a', 'a.id', 'p.area_id')
    .selectAll('p')
    .select([
      'm.name as municipality_name',
      'rm.name as residence_municipality_name',
      'dm.name as domicile_municipality_name',
      'a.name as area_name',
      sql<string | null>`coalesce(
        (SELECT b.name FROM municipality b WHERE b.belfiore = p.birth_place_code),
        (SELECT f.name_it FROM foreign_country f WHERE f.code = p.birth_place_code))`.as('birth_place_name'),
    ]);
}

export type PersonDetailRow = Awaited<ReturnType<ReturnType<typeof selectPersonDetail>['executeTakeFirstOrThrow']>>;

export async function toPerson(db: Db, row: PersonDetailRow): Promise<Person> {
  const address = (code: string | null, name: string | null, line: string | null, postalCode: string | null) =>
    code && line ? { municipalityCode: code, municipalityName: name ?? code, address: line, postalCode } : null;
  return {
    id: row.id,
    familyName: row.family_name,
    givenName: row.given_name,
    sex: row.sex,
    birthDate: row.birth_date,
    birthPlaceCode: row.birth_place_code,
    birthPlaceName: row.birth_place_name,
    fiscalCode: row.fiscal_code,
    fiscalCodeCheck: await checkFiscalCode(db, {
      fiscalCode: row.fiscal_code,
      familyName: row.family_name,
      givenName: row.given_name,
      sex: row.sex,
      birthDate: row.birth_date,
      birthPlaceCode: row.birth_place_code,
    }),
    citizenship: row.citizenship,
    residence: address(row.residence_municipality_code, row.residence_municipality_name, row.residence_address, row.residence_postal_code),
    domicile: address(row.domicile_municipality_code, row.domicile_municipality_name, row.domicile_address, row.domicile_postal_code),
    phone: row.phone,
    email: row.email,
    preferredLanguage: row.preferred_language,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
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
