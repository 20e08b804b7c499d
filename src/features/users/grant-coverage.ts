import { sql } from 'kysely';
import type { Role } from '../../platform/access/roles.ts';

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
