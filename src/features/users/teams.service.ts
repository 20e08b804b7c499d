import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { scopeFor } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { recordAdminChange } from '../admin-log/admin-log.service.ts';
import { USERS_MANAGE } from './permissions.ts';
import type { Team, TeamInput } from './users.schemas.ts';
import './users.tables.ts';

export async function listTeams(db: Db, id?: string): Promise<Team[]> {
  let select = db
    .selectFrom('team as t')
    .select(['t.id', 't.name', 't.municipality_code', sql<string[]>`coalesce((SELECT array_agg(m.user_id::text ORDER BY m.user_id) FROM team_member m WHERE m.team_id = t.id), '{}')`.as('member_ids')])
    .orderBy('t.name');
  if (id) select = select.where('t.id', '=', id);
  return (await select.execute()).map((t) => ({ id: t.id, name: t.name, municipalityCode: t.municipality_code, memberIds: t.member_ids }));
}

/**
 * Team members read the team's cases in full, so an admin arranges teams only in its own territory
 * (the municipalities of its users.manage grants), like grants.
 */
function assertTeamTerritory(actor: Actor, municipalityCode: string): void {
  if (scopeFor(actor, USERS_MANAGE).municipalityCodes.includes(municipalityCode)) return;
  throw new AppError('FORBIDDEN', {
    message: {
      it: 'Il comune dell’équipe è fuori dal territorio che si amministra.',
      en: 'The team’s municipality is outside the territory you administer.',
    },
  });
}

export async function saveTeam(db: Db, actor: Actor, input: TeamInput, id?: string): Promise<Team> {
  assertTeamTerritory(actor, input.municipalityCode);
  const teamId = await db.transaction().execute(async (trx) => {
    const [before] = id ? await listTeams(trx, id) : [];
    if (before) assertTeamTerritory(actor, before.municipalityCode);
    const saved = id
      ? await trx.updateTable('team').set({ name: input.name, municipality_code: input.municipalityCode }).where('id', '=', id).returning('id').executeTakeFirst()
      : await trx.insertInto('team').values({ name: input.name, municipality_code: input.municipalityCode }).returning('id').executeTakeFirst();
    if (!saved) throw notFound({ it: 'Équipe non trovata.', en: 'Team not found.' });
    await trx.deleteFrom('team_member').where('team_id', '=', saved.id).execute();
    const members = [...new Set(input.memberIds)];
    if (members.length) await trx.insertInto('team_member').values(members.map((user_id) => ({ team_id: saved.id, user_id }))).execute();
    const [after] = await listTeams(trx, saved.id);
    await recordAdminChange(trx, actor, {
      entityType: 'team',
      entityId: saved.id,
      action: before ? 'update' : 'create',
      before: before ?? null,
      after,
      municipalityCodes: [...new Set([input.municipalityCode, ...(before ? [before.municipalityCode] : [])])],
    });
    return saved.id;
  });
  const [team] = await listTeams(db, teamId);
  if (!team) throw notFound();
  return team;
}
