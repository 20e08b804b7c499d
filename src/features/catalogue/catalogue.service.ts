import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { NeedArea, ServiceListQuery, ServiceSummary, SiussBenefit } from './catalogue.schemas.ts';
import type { ServiceTable } from './catalogue.tables.ts';
import { hasNeedArea, needAreasOfService } from './reference-codes.ts';
import './catalogue.tables.ts';

export async function listNeedAreas(db: Db): Promise<NeedArea[]> {
  const rows = await db.selectFrom('need_area').selectAll().orderBy('sort_order').execute();
  return rows.map((row) => ({ code: row.code, labelIt: row.label_it, labelEn: row.label_en }));
}

export async function listSiussBenefits(db: Db): Promise<SiussBenefit[]> {
  const rows = await db.selectFrom('siuss_benefit').selectAll().orderBy('code').execute();
  return rows.map((row) => ({ code: row.code, macroArea: row.macro_area, description: row.description }));
}

export async function listServices(db: Db, query: ServiceListQuery): Promise<ServiceSummary[]> {
  let select = db
    .selectFrom('service as s')
    .select(['s.id', 's.code', 's.name', 's.kind', 's.unit', 's.siuss_benefit_code', 's.is_active'])
    .select(needAreasOfService)
    .orderBy('s.name')
    .orderBy('s.code');
  if (query.includeInactive !== 'true') select = select.where('s.is_active', '=', true);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) => eb.or([eb('s.name', 'ilike', like), eb('s.code', 'ilike', like)]));
  }
  if (query.needArea) {
    select = select.where(hasNeedArea(query.needArea));
  }
  return (await select.execute()).map(toServiceSummary);
}

type ServiceRow = Pick<Selectable<ServiceTable>, 'id' | 'code' | 'name' | 'kind' | 'unit' | 'siuss_benefit_code' | 'is_active'> & { need_areas: string[] };

export function toServiceSummary(row: ServiceRow): ServiceSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    unit: row.unit,
    siussBenefitCode: row.siuss_benefit_code,
    needAreas: row.need_areas,
    isActive: row.is_active,
  };
}
