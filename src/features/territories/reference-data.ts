import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { appPath } from '../../platform/app-root.ts';
import type { Db } from '../../platform/db/database.ts';
import './territories.tables.ts';

const dataDir = appPath('src/features/territories/data');

interface ComuneJson {
  codice: string;
  nome: string;
  codiceCatastale: string;
  cap: string | null;
  provincia: { nome: string; sigla: string; regione: string };
  popolazione: number | null;
}
interface CountryJson {
  code: string;
  nameIt: string;
  nameEn: string;
  iso2: string;
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8'));
}

async function count(db: Db, table: 'municipality' | 'foreign_country'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Loads (or refreshes) the ISTAT municipalities and the foreign states shipped with the product. */
export async function syncReferenceData(db: Db): Promise<void> {
  const comuni = readJson('comuni.json') as ComuneJson[];
  if ((await count(db, 'municipality')) !== comuni.length) {
    await db.transaction().execute(async (trx) => {
      for (const batch of chunks(comuni, 1000)) {
        await trx
          .insertInto('municipality')
          .values(
            batch.map((c) => ({
              istat_code: c.codice,
              belfiore: c.codiceCatastale,
              name: c.nome,
              province_code: c.provincia.sigla,
              province_name: c.provincia.nome,
              region: c.provincia.regione,
              population: c.popolazione ?? 0,
              postal_code: c.cap,
            })),
          )
          .onConflict((oc) =>
            oc.column('istat_code').doUpdateSet({
              belfiore: sql`excluded.belfiore`,
              name: sql`excluded.name`,
              province_code: sql`excluded.province_code`,
              province_name: sql`excluded.province_name`,
              region: sql`excluded.region`,
              population: sql`excluded.population`,
              postal_code: sql`excluded.postal_code`,
            }),
          )
          .execute();
      }
    });
  }
  const countries = readJson('foreign-countries.json') as CountryJson[];
  if ((await count(db, 'foreign_country')) !== countries.length) {
    await db
      .insertInto('foreign_country')
      .values(countries.map((c) => ({ code: c.code, name_it: c.nameIt, name_en: c.nameEn, iso2: c.iso2 })))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({ name_it: sql`excluded.name_it`, name_en: sql`excluded.name_en`, iso2: sql`excluded.iso2` }),
      )
      .execute();
  }
}
