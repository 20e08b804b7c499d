import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { appPath } from '../../platform/app-root.ts';
import type { Db } from '../../platform/db/database.ts';
import './catalogue.tables.ts';

const dataDir = appPath('src/features/catalogue/data');

/** English labels of the ISTAT areas of need (the CSV carries the Italian ones). */
const NEED_AREA_EN: Record<string, string> = {
  FAM: 'Family and minors',
  DIS: 'Persons with disabilities',
  ADD: 'Addictions',
  ELD: 'Elderly',
  IMMNOM: 'Immigrants, Roma, Sinti and Caminanti',
  POV: 'Poverty, adult distress and homelessness',
  MULBEN: 'Multiple user groups',
};

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(dataDir, file), 'utf8'), { columns: true, comment: '#', skip_empty_lines: true, trim: true });
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('it') + text.slice(1);

export function needAreasFromCsv() {
  return readCsv('classificazioni-sociali.csv')
    .filter((row) => row.scheme === 'ISTAT_AREA_UTENZA' && row.code && NEED_AREA_EN[row.code])
    .map((row, index) => {
      const code = row.code ?? '';
      return { code, label_it: capitalise(row.label ?? code), label_en: NEED_AREA_EN[code] ?? code, sort_order: index + 1 };
    });
}

export function siussBenefitsFromCsv() {
  return readCsv('siuss-codici-prestazione.csv').map((row) => ({
    code: row.code ?? '',
    macro_area: row.macro_area ?? '',
    // A few newer codes are listed without a description: name them by code rather than leave them blank.
    description: row.description || `Prestazione ${row.code ?? ''}`,
  }));
}

/** Loads (or refreshes) the areas of need and the SIUSS benefit codes shipped with the product. */
export async function syncCatalogueReferenceData(db: Db): Promise<void> {
  const areas = needAreasFromCsv();
  const benefits = siussBenefitsFromCsv();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('need_area')
      .values(areas)
      .onConflict((oc) => oc.column('code').doUpdateSet({ label_it: sql`excluded.label_it`, label_en: sql`excluded.label_en`, sort_order: sql`excluded.sort_order` }))
      .execute();
    await trx
      .insertInto('siuss_benefit')
      .values(benefits)
      .onConflict((oc) => oc.column('code').doUpdateSet({ macro_area: sql`excluded.macro_area`, description: sql`excluded.description` }))
      .execute();
  });
}
