import { sql } from 'kysely';
import type { ResolvedGrant } from '../../platform/access/actor.ts';
import type { Role } from '../../platform/access/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import '../territories/territories.tables.ts';

/**
 * SQL condition on a query over `app_user as u`: the user holds a grant of this role that covers the
 * municipality — directly, through a Union or District it belongs to, or through the given
 * sub-municipal area. Who may be assigned a referral or own a case is decided here, once.
 */
export function holdsRoleCovering(role: Role, municipalityCode: string, areaId: string | null) {
  return sql<boolean>`EXISTS (SELECT 1 FROM user_grant g WHERE g.user_id = u.id AND g.role = ${role} AND (
    (g.territory_kind = 'municipality' AND g.territory_id = ${municipalityCode})
    OR (g.territory_kind IN ('union', 'district') AND EXISTS (
      SELECT 1 FROM territory_group_member tm WHERE tm.group_id::text = g.territory_id AND tm.municipality_code = ${municipalityCode}))
    OR (g.territory_kind = 'area' AND g.territory_id = ${areaId ?? ''})))`;
}

/** The municipalities grants concern, an area grant's city included: the territory of an admin-log row. */
export async function grantMunicipalities(db: Db, grants: readonly Pick<ResolvedGrant, 'municipalityCodes' | 'areaIds'>[]): Promise<string[]> {
  const areaIds = grants.flatMap((g) => g.areaIds);
  const areaCities = areaIds.length ? (await db.selectFrom('area').select('municipality_code').where('id', 'in', areaIds).execute()).map((a) => a.municipality_code) : [];
  return [...new Set([...grants.flatMap((g) => g.municipalityCodes), ...areaCities])];
}
