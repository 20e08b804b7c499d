import type { Db } from '../../platform/db/database.ts';
import type { Arrangement } from './catalogue.schemas.ts';
import './catalogue.tables.ts';
import '../territories/territories.tables.ts';

export interface ArrangementFilter {
  /** Only these municipalities; `'all'` for a provider's own deliveries wherever they are. */
  municipalityCodes: readonly string[] | 'all';
  serviceIds?: readonly string[];
  providerId?: string;
}

/** Arrangements in the given municipalities, each with its providers, ordered by municipality name. */
export async function listArrangements(db: Db, filter: ArrangementFilter): Promise<Arrangement[]> {
  const codes = filter.municipalityCodes;
  if (codes.length === 0 || filter.serviceIds?.length === 0) return [];
  let select = db
    .selectFrom('service_arrangement as a')
    .innerJoin('municipality as m', 'm.istat_code', 'a.municipality_code')
    .select([
      'a.service_id',
      'a.municipality_code',
      'm.name as municipality_name',
      'a.title_holder',
      'a.title_holder_name',
      'a.delivery',
      'a.function_mode',
      'a.notes',
      'a.updated_at',
    ])
    .orderBy('m.name')
    .orderBy('a.service_id');
  if (codes !== 'all') select = select.where('a.municipality_code', 'in', [...codes]);
  if (filter.serviceIds) select = select.where('a.service_id', 'in', [...filter.serviceIds]);
  if (filter.providerId) {
    const providerId = filter.providerId;
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('service_arrangement_provider as p')
          .select('p.provider_id')
          .whereRef('p.municipality_code', '=', 'a.municipality_code')
          .whereRef('p.service_id', '=', 'a.service_id')
          .where('p.provider_id', '=', providerId),
      ),
    );
  }
  const rows = await select.execute();
  if (rows.length === 0) return [];
  const providers = await db
    .selectFrom('service_arrangement_provider as p')
    .innerJoin('provider_organisation as o', 'o.id', 'p.provider_id')
    .select(['p.municipality_code', 'p.service_id', 'o.id', 'o.name'])
    .where('p.municipality_code', 'in', [...new Set(rows.map((r) => r.municipality_code))])
    .where('p.service_id', 'in', [...new Set(rows.map((r) => r.service_id))])
    .orderBy('o.name')
    .execute();
  return rows.map((row) => ({
    serviceId: row.service_id,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    titleHolder: row.title_holder,
    titleHolderName: row.title_holder_name,
    delivery: row.delivery,
    functionMode: row.function_mode,
    notes: row.notes,
    updatedAt: row.updated_at,
    providers: providers
      .filter((p) => p.municipality_code === row.municipality_code && p.service_id === row.service_id)
      .map((p) => ({ id: p.id, name: p.name })),
  }));
}
