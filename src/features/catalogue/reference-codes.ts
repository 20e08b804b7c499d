import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { invalid } from '../../platform/http/errors.ts';
import './catalogue.tables.ts';

/** The areas of need and SIUSS benefit codes a service may name. */
export interface ReferenceCodes {
  needAreas: ReadonlySet<string>;
  siussBenefits: ReadonlySet<string>;
}

export async function loadReferenceCodes(db: Db): Promise<ReferenceCodes> {
  const [areas, benefits] = await Promise.all([
    db.selectFrom('need_area').select('code').execute(),
    db.selectFrom('siuss_benefit').select('code').execute(),
  ]);
  return { needAreas: new Set(areas.map((a) => a.code)), siussBenefits: new Set(benefits.map((b) => b.code)) };
}

/** Refuses codes that are not in the reference tables, naming the field and the code. */
export function assertKnownCodes(codes: ReferenceCodes, needAreas: readonly string[], siussBenefitCode: string | null): void {
  const unknownArea = needAreas.find((code) => !codes.needAreas.has(code));
  if (unknownArea) {
    throw invalid('needAreas', { it: `Area di bisogno sconosciuta: ${unknownArea}.`, en: `Unknown area of need: ${unknownArea}.` });
  }
  if (siussBenefitCode && !codes.siussBenefits.has(siussBenefitCode)) {
    throw invalid('siussBenefitCode', {
      it: `Codice prestazione SIUSS sconosciuto: ${siussBenefitCode}.`,
      en: `Unknown SIUSS benefit code: ${siussBenefitCode}.`,
    });
  }
}

/** The sorted area codes of the service aliased `s`, as a selected column `need_areas`. */
export const needAreasOfService = sql<string[]>`coalesce((SELECT array_agg(a.need_area_code ORDER BY a.need_area_code) FROM service_need_area a WHERE a.service_id = s.id), '{}')`.as('need_areas');

/** Whether the service aliased `s` serves the given area of need. */
export const hasNeedArea = (code: string): Expression<SqlBool> =>
  sql<SqlBool>`EXISTS (SELECT 1 FROM service_need_area n WHERE n.service_id = s.id AND n.need_area_code = ${code})`;
