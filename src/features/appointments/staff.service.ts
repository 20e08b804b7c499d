import type { Role, TerritoryKind } from '../../platform/access/roles.ts';
import { resolveGrants } from '../../platform/access/territory-resolver.ts';
import type { Db } from '../../platform/db/database.ts';
import type { StaffMember } from './appointments.schemas.ts';
import { STAFF_ROLES } from './permissions.ts';
import '../../platform/auth/auth.tables.ts';

/**
 * Active users holding one of the roles through a grant that covers the municipality (a grant on an
 * area of it counts too: the worker serves part of that town).
 */
export async function staffCovering(db: Db, municipalityCode: string, roles: readonly Role[], userIds?: string[]): Promise<StaffMember[]> {
  let query = db
    .selectFrom('user_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .select(['g.id', 'g.user_id', 'g.role', 'g.territory_kind', 'g.territory_id', 'u.display_name'])
    .where('u.is_active', '=', true)
    .where('g.role', 'in', [...roles]);
  if (userIds) {
    if (userIds.length === 0) return [];
    query = query.where('g.user_id', 'in', userIds);
  }
  const rows = await query.execute();
  const resolved = await resolveGrants(
    db,
    rows.map((row) => ({ id: row.id, role: row.role as Role, territoryKind: row.territory_kind as TerritoryKind, territoryId: row.territory_id })),
  );
  const areaIds = [...new Set(resolved.flatMap((grant) => grant.areaIds))];
  const areasHere = areaIds.length
    ? new Set((await db.selectFrom('area').select('id').where('id', 'in', areaIds).where('municipality_code', '=', municipalityCode).execute()).map((a) => a.id))
    : new Set<string>();
  const members = new Map<string, StaffMember>();
  for (const grant of resolved) {
    const covers = grant.municipalityCodes.includes(municipalityCode) || grant.areaIds.some((id) => areasHere.has(id));
    const row = rows.find((r) => r.id === grant.id);
    if (!covers || !row) continue;
    const member = members.get(row.user_id) ?? { id: row.user_id, displayName: row.display_name, roles: [] };
    if (!member.roles.includes(grant.role)) member.roles.push(grant.role);
    members.set(row.user_id, member);
  }
  return [...members.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'it'));
}

export const socialWorkersCovering = (db: Db, municipalityCode: string, userIds?: string[]) =>
  staffCovering(db, municipalityCode, ['social_worker'], userIds);

export const staffOf = (db: Db, municipalityCode: string, userIds?: string[]) => staffCovering(db, municipalityCode, STAFF_ROLES, userIds);
