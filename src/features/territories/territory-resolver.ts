import type { ResolvedGrant } from '../../platform/access/actor.ts';
import type { GrantRow } from '../../platform/access/territory-resolver.ts';
import type { Db } from '../../platform/db/database.ts';
import './territories.tables.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resolves grants to the municipalities (whole) and sub-municipal areas they cover. */
export async function resolveTerritories(db: Db, grants: GrantRow[]): Promise<ResolvedGrant[]> {
  const municipalityIds = grants.filter((g) => g.territoryKind === 'municipality').map((g) => g.territoryId);
  const groupIds = grants.filter((g) => g.territoryKind === 'union' || g.territoryKind === 'district').map((g) => g.territoryId).filter((id) => UUID.test(id));
  const areaIds = grants.filter((g) => g.territoryKind === 'area').map((g) => g.territoryId).filter((id) => UUID.test(id));

  const [municipalities, groups, areas] = await Promise.all([
    municipalityIds.length
      ? db.selectFrom('municipality').select(['istat_code', 'name']).where('istat_code', 'in', municipalityIds).execute()
      : [],
    groupIds.length
      ? db
          .selectFrom('territory_group as g')
          .leftJoin('territory_group_member as m', 'm.group_id', 'g.id')
          .select(['g.id', 'g.name', 'm.municipality_code'])
          .where('g.id', 'in', groupIds)
          .execute()
      : [],
    areaIds.length
      ? db
          .selectFrom('area')
          .innerJoin('municipality', 'municipality.istat_code', 'area.municipality_code')
          .select(['area.id', 'area.name', 'municipality.name as municipality_name'])
          .where('area.id', 'in', areaIds)
          .execute()
      : [],
  ]);

  return grants.map((grant): ResolvedGrant => {
    const base = { ...grant, municipalityCodes: [] as string[], areaIds: [] as string[], territoryName: grant.territoryId };
    switch (grant.territoryKind) {
      case 'municipality': {
        const found = municipalities.find((m) => m.istat_code === grant.territoryId);
        return found ? { ...base, territoryName: found.name, municipalityCodes: [found.istat_code] } : base;
      }
      case 'union':
      case 'district': {
        const rows = groups.filter((g) => g.id === grant.territoryId);
        const codes = rows.flatMap((row) => (row.municipality_code ? [row.municipality_code] : []));
        return rows[0] ? { ...base, territoryName: rows[0].name, municipalityCodes: codes } : base;
      }
      case 'area': {
        const found = areas.find((a) => a.id === grant.territoryId);
        return found ? { ...base, territoryName: `${found.municipality_name} – ${found.name}`, areaIds: [found.id] } : base;
      }
    }
  });
}
