import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { invalid } from '../../platform/http/errors.ts';
import { holdsRoleCovering } from '../users/grant-coverage.ts';
import type { EligibleOwner } from './cases.schemas.ts';
import '../users/users.tables.ts';
import '../../platform/auth/auth.tables.ts';

/** Active users holding a social_worker grant that covers the municipality (or the sub-municipal area). */
function eligibleOwnersOf(trx: Db, municipalityCode: string, areaId: string | null) {
  return trx
    .selectFrom('app_user as u')
    .select(['u.id', 'u.display_name'])
    .where('u.is_active', '=', true)
    .where(holdsRoleCovering('social_worker', municipalityCode, areaId))
    .orderBy('u.display_name');
}

export async function eligibleOwners(trx: Db, municipalityCode: string, areaId: string | null): Promise<EligibleOwner[]> {
  const users = await eligibleOwnersOf(trx, municipalityCode, areaId).execute();
  if (users.length === 0) return [];
  const teams = await trx
    .selectFrom('team_member as tm')
    .innerJoin('team as t', 't.id', 'tm.team_id')
    .select(['tm.user_id', 't.id', 't.name'])
    .where('tm.user_id', 'in', users.map((u) => u.id))
    .orderBy('t.name')
    .execute();
  return users.map((u) => ({ id: u.id, displayName: u.display_name, teams: teams.filter((t) => t.user_id === u.id).map(({ id, name }) => ({ id, name })) }));
}

/**
 * Checks the owner (a social worker of the territory) and resolves the team: the one named, or the
 * owner's first team. Throws a 400 naming the field otherwise.
 */
export async function ownerAndTeam(trx: Db, territory: { municipalityCode: string; areaId: string | null }, ownerId: string, teamId: string | null | undefined) {
  const owner = await eligibleOwnersOf(trx, territory.municipalityCode, territory.areaId).where('u.id', '=', ownerId).executeTakeFirst();
  if (!owner) {
    throw invalid('ownerId', {
      it: 'Il responsabile del caso deve essere un’assistente sociale abilitata nel comune del caso.',
      en: 'The case owner must be a social worker with a grant for the municipality of the case.',
    });
  }
  if (teamId) {
    const team = await trx.selectFrom('team').select('id').where('id', '=', teamId).executeTakeFirst();
    if (!team) throw invalid('teamId', { it: 'Équipe non trovata.', en: 'Team not found.' });
    return { ownerId, teamId };
  }
  if (teamId === null) return { ownerId, teamId: null };
  const first = await trx
    .selectFrom('team_member as tm')
    .innerJoin('team as t', 't.id', 'tm.team_id')
    .select('t.id')
    .where('tm.user_id', '=', ownerId)
    .orderBy(sql`(t.municipality_code = ${territory.municipalityCode})`, 'desc')
    .orderBy('t.name')
    .executeTakeFirst();
  return { ownerId, teamId: first?.id ?? null };
}
