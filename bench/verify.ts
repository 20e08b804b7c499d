import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { checkFiscalCode } from '../src/features/registry/fiscal-code-check.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import type { Person } from '../src/features/registry/registry.schemas.ts';

interface ReferenceRow {
  id: string;
  family_name: string;
  given_name: string;
  sex: 'M' | 'F' | null;
  birth_date: string | null;
  birth_place_code: string | null;
  fiscal_code: string | null;
  municipality_name: string;
  residence_name: string | null;
  residence_address: string | null;
  birth_place_name: string | null;
}

/**
 * What the API answers for some persons, against the same values computed the plain way (names by
 * joins, the fiscal-code check by checkFiscalCode): the optimised read path must not change a field.
 */
export async function verifyReads(url: string, baseUrl: string, cookie: string, ids: string[]): Promise<{ checked: number; mismatches: string[] }> {
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const mismatches: string[] = [];
  try {
    const { rows } = await client.query<ReferenceRow>(
      `SELECT p.id, p.family_name, p.given_name, p.sex, p.birth_date::text AS birth_date, p.birth_place_code, p.fiscal_code,
              m.name AS municipality_name, rm.name AS residence_name, p.residence_address,
              coalesce((SELECT b.name FROM municipality b WHERE b.belfiore = p.birth_place_code),
                       (SELECT f.name_it FROM foreign_country f WHERE f.code = p.birth_place_code)) AS birth_place_name
       FROM person p JOIN municipality m ON m.istat_code = p.municipality_code
       LEFT JOIN municipality rm ON rm.istat_code = p.residence_municipality_code
       WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    for (const row of rows) {
      const response = await fetch(`${baseUrl}/api/persons/${row.id}`, { headers: { cookie } });
      if (!response.ok) {
        mismatches.push(`${row.id}: HTTP ${response.status}`);
        continue;
      }
      const person = (await response.json()) as Person;
      const expected = {
        familyName: row.family_name,
        municipalityName: row.municipality_name,
        residenceName: row.residence_address ? row.residence_name : null,
        birthPlaceName: row.birth_place_name,
        fiscalCodeCheck: await checkFiscalCode(database.db, {
          fiscalCode: row.fiscal_code,
          familyName: row.family_name,
          givenName: row.given_name,
          sex: row.sex,
          birthDate: row.birth_date,
          birthPlaceCode: row.birth_place_code,
        }),
      };
      const actual = {
        familyName: person.familyName,
        municipalityName: person.municipalityName,
        residenceName: person.residence?.municipalityName ?? null,
        birthPlaceName: person.birthPlaceName,
        fiscalCodeCheck: person.fiscalCodeCheck,
      };
      if (!isDeepStrictEqual(JSON.parse(JSON.stringify(actual)), JSON.parse(JSON.stringify(expected)))) {
        mismatches.push(`${row.id}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
      }
    }
    return { checked: rows.length, mismatches };
  } finally {
    await client.end();
    await database.close();
  }
}
