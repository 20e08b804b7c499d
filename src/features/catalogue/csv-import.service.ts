import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { ImportResult } from './catalogue.schemas.ts';
import { formatCatalogueCsv, parseCatalogueCsv, type CatalogueRow, type RowError } from './csv-format.ts';
import { loadReferenceCodes, needAreasOfService } from './reference-codes.ts';
import './catalogue.tables.ts';
import { recordAdminChange } from '../admin-log/admin-log.service.ts';

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}

export function invalidFile(errors: readonly RowError[]): AppError {
  const lines = new Set(errors.map((e) => e.line)).size;
  return new AppError('VALIDATION', {
    message: {
      it: `Il file non è stato importato: ${lines === 1 ? 'una riga ha' : `${lines} righe hanno`} errori. Nessun servizio è stato modificato.`,
      en: `The file was not imported: ${lines === 1 ? 'one line has' : `${lines} lines have`} errors. No service was changed.`,
    },
    details: errors.map((e) => ({ path: `line.${e.line}`, message: e.it, messageEn: e.en })),
    data: { errors: errors.map((e) => ({ line: e.line, message: e.it, messageEn: e.en })) },
  });
}

interface Existing {
  id: string;
  code: string;
  name: string;
  kind: string;
  unit: string;
  siuss_benefit_code: string | null;
  access_rules: string | null;
  need_areas: string[];
}

async function existingByCode(db: Db, codes: readonly string[]): Promise<Map<string, Existing>> {
  const found = new Map<string, Existing>();
  for (const part of chunks(codes)) {
    const rows = await db
      .selectFrom('service as s')
      .select(['s.id', 's.code', 's.name', 's.kind', 's.unit', 's.siuss_benefit_code', 's.access_rules'])
      .select(needAreasOfService)
      .where('s.code', 'in', part)
      .execute();
    for (const row of rows) found.set(row.code, row);
  }
  return found;
}

const isUnchanged = (row: CatalogueRow, old: Existing) =>
  old.name === row.name &&
  old.kind === row.kind &&
  old.unit === row.unit &&
  old.siuss_benefit_code === row.siussBenefitCode &&
  old.access_rules === row.accessRules &&
  old.need_areas.join('|') === row.needAreas.join('|');

/**
 * Upserts the catalogue from a CSV file by code, in one transaction: a file with any bad row changes
 * nothing and gets the list of every bad line. A dry run only checks and counts.
 */
export async function importCatalogue(db: Db, actor: Actor, text: string, dryRun: boolean): Promise<ImportResult> {
  const parsed = parseCatalogueCsv(text, await loadReferenceCodes(db));
  if (parsed.errors.length) throw invalidFile(parsed.errors);
  const run = async (trx: Db): Promise<ImportResult> => {
    const existing = await existingByCode(trx, parsed.rows.map((r) => r.code));
    const created = parsed.rows.filter((r) => !existing.has(r.code));
    const changed = parsed.rows.filter((r) => {
      const old = existing.get(r.code);
      return old !== undefined && !isUnchanged(r, old);
    });
    const result = { dryRun, total: parsed.rows.length, created: created.length, updated: changed.length, unchanged: parsed.rows.length - created.length - changed.length };
    if (dryRun) return result;
    const columns = (r: CatalogueRow) => ({ code: r.code, name: r.name, kind: r.kind, unit: r.unit, siuss_benefit_code: r.siussBenefitCode, access_rules: r.accessRules, updated_by: actor.userId });
    const areaRows: { service_id: string; need_area_code: string }[] = [];
    for (const part of chunks(created)) {
      const ids = await trx.insertInto('service').values(part.map(columns)).returning(['id', 'code']).execute();
      const idOf = new Map(ids.map((row) => [row.code, row.id]));
      for (const r of part) for (const area of r.needAreas) areaRows.push({ service_id: idOf.get(r.code)!, need_area_code: area });
    }
    for (const r of changed) {
      const id = existing.get(r.code)!.id;
      await trx.updateTable('service').set({ ...columns(r), updated_at: sql`trama_now()` }).where('id', '=', id).execute();
      for (const area of r.needAreas) areaRows.push({ service_id: id, need_area_code: area });
    }
    for (const part of chunks(changed)) await trx.deleteFrom('service_need_area').where('service_id', 'in', part.map((r) => existing.get(r.code)!.id)).execute();
    for (const part of chunks(areaRows)) await trx.insertInto('service_need_area').values(part).execute();
    // One trail row per import: the services as they were and as the file made them.
    await recordAdminChange(trx, actor, {
      entityType: 'service',
      entityId: 'import',
      action: 'import',
      before: changed.map((r) => existing.get(r.code)),
      after: [...created, ...changed],
      municipalityCodes: null,
    });
    return result;
  };
  if (dryRun) return run(db);
  try {
    return await db.transaction().execute(run);
  } catch (error) {
    // Another import or a manager created one of these codes meanwhile: nothing was written.
    if ((error as { code?: unknown }).code === '23505') {
      throw new AppError('CONFLICT', {
        message: {
          it: 'Un servizio con uno dei codici del file è stato creato nel frattempo: nessuna modifica salvata, riprovare l’importazione.',
          en: 'A service with one of the file’s codes was created meanwhile: nothing was saved, run the import again.',
        },
      });
    }
    throw error;
  }
}

/** The active catalogue in the import format, so an export edited in a spreadsheet can be imported back. */
export async function exportCatalogue(db: Db): Promise<string> {
  const rows = await db
    .selectFrom('service as s')
    .select(['s.code', 's.name', 's.kind', 's.unit', 's.siuss_benefit_code', 's.access_rules'])
    .select(needAreasOfService)
    .where('s.is_active', '=', true)
    .orderBy('s.code')
    .execute();
  return formatCatalogueCsv(
    rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind, unit: r.unit, needAreas: r.need_areas, siussBenefitCode: r.siuss_benefit_code, accessRules: r.access_rules })),
  );
}
