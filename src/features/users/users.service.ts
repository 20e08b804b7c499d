import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { resolveGrants } from '../../platform/access/territory-resolver.ts';
import type { Role, TerritoryKind } from '../../platform/access/roles.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { assertAcceptablePassword } from '../../platform/auth/password-policy.ts';
import { revokeUserSessions } from '../../platform/auth/sessions.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import type { CreateUserBody, GrantInput, ProviderOption, Team, TeamInput, UpdateUserBody, UserView } from './users.schemas.ts';
import '../../platform/auth/auth.tables.ts';
import '../catalogue/catalogue.tables.ts';
import './users.tables.ts';

const userNotFound = () => notFound({ it: 'Utente non trovato.', en: 'User not found.' });

/** Users as the admin sees them: account, grants, teams. Never any personal record of citizens. */
export async function listUsers(db: Db, id?: string): Promise<UserView[]> {
  let select = db
    .selectFrom('app_user as u')
    .leftJoin('provider_organisation as po', 'po.id', 'u.provider_id')
    .select([
      'u.provider_id',
      'po.name as provider_name',
      'u.id',
      'u.username',
      'u.display_name',
      'u.email',
      'u.is_active',
      'u.last_login_at',
      'u.must_change_password',
      sql<number>`(SELECT count(*) FROM session s WHERE s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > trama_now())`.as('active_sessions'),
      sql<string[]>`coalesce((SELECT array_agg(tm.team_id::text) FROM team_member tm WHERE tm.user_id = u.id), '{}')`.as('team_ids'),
    ])
    .orderBy('u.username');
  if (id) select = select.where('u.id', '=', id);
  const users = await select.execute();
  const grantRows = users.length
    ? await db
        .selectFrom('user_grant')
        .select(['id', 'user_id', 'role', 'territory_kind', 'territory_id'])
        .where('user_id', 'in', users.map((u) => u.id))
        .orderBy('created_at')
        .execute()
    : [];
  const resolved = await resolveGrants(
    db,
    grantRows.map((g) => ({ id: g.id, role: g.role as Role, territoryKind: g.territory_kind as TerritoryKind, territoryId: g.territory_id })),
  );
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    isActive: u.is_active,
    lastLoginAt: u.last_login_at,
    mustChangePassword: u.must_change_password,
    activeSessions: u.active_sessions,
    teamIds: u.team_ids,
    providerId: u.provider_id,
    providerName: u.provider_name,
    grants: resolved
      .filter((g) => grantRows.find((row) => row.id === g.id)?.user_id === u.id)
      .map(({ id: grantId, role, territoryKind, territoryId, territoryName }) => ({ id: grantId, role, territoryKind, territoryId, territoryName })),
  }));
}

export async function getUser(db: Db, id: string): Promise<UserView> {
  const [user] = await listUsers(db, id);
  if (!user) throw userNotFound();
  return user;
}

/**
 * A new account (admin API and `trama create-user`). Its password was chosen by someone else and travelled
 * to the user somehow, so the user must replace it at the first sign-in.
 */
export async function createUser(db: Db, input: CreateUserBody): Promise<UserView> {
  const existing = await db.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst();
  if (existing) throw new AppError('CONFLICT', { message: { it: 'Nome utente già in uso.', en: 'Username already taken.' } });
  await assertAcceptablePassword('password', input.password, { username: input.username });
  const passwordHash = await hashPassword(input.password);
  const row = await db
    .insertInto('app_user')
    .values({
      username: input.username,
      display_name: input.displayName,
      email: input.email ?? null,
      password_hash: passwordHash,
      last_login_at: null,
      must_change_password: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getUser(db, row.id);
}

export async function updateUser(db: Db, id: string, input: UpdateUserBody): Promise<UserView> {
  const changes = {
    ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
  };
  await db.transaction().execute(async (trx) => {
    if (Object.keys(changes).length) {
      const result = await trx.updateTable('app_user').set(changes).where('id', '=', id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw userNotFound();
    }
    if (input.isActive === false) await revokeUserSessions(trx, id);
  });
  return getUser(db, id);
}

/** An administrator's reset: the user must choose their own password at the next sign-in. */
export async function setPassword(db: Db, id: string, password: string): Promise<void> {
  const user = await db.selectFrom('app_user').select('username').where('id', '=', id).executeTakeFirst();
  if (!user) throw userNotFound();
  await assertAcceptablePassword('password', password, { username: user.username });
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, must_change_password: true })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw userNotFound();
    await revokeUserSessions(trx, id);
  });
}

async function assertTerritoryExists(db: Db, kind: TerritoryKind, id: string): Promise<void> {
  const [resolved] = await resolveGrants(db, [{ id: 'check', role: 'admin', territoryKind: kind, territoryId: id }]);
  if (!resolved || (resolved.municipalityCodes.length === 0 && resolved.areaIds.length === 0)) {
    throw invalid('territoryId', { it: 'Territorio inesistente o senza comuni.', en: 'Territory does not exist or has no municipalities.' });
  }
}

export async function listProviderOptions(db: Db): Promise<ProviderOption[]> {
  const rows = await db.selectFrom('provider_organisation').select(['id', 'name', 'is_active']).orderBy('name').execute();
  return rows.map((row) => ({ id: row.id, name: row.name, isActive: row.is_active }));
}

/**
 * The organisation a provider grant links the user to: the one chosen, else the one the user already
 * works for; a provider user without an organisation would see nothing, so the admin must choose.
 */
async function providerFor(db: Db, user: UserView, input: GrantInput): Promise<string | null> {
  if (input.role !== 'provider') {
    if (input.providerId) {
      throw invalid('providerId', { it: 'L’organizzazione si indica solo con il ruolo fornitore.', en: 'An organisation is given only with the provider role.' });
    }
    return user.providerId;
  }
  if (!input.providerId) {
    if (user.providerId) return user.providerId;
    throw invalid('providerId', {
      it: 'Con il ruolo fornitore scegliere l’organizzazione per cui lavora l’utente.',
      en: 'With the provider role, choose the organisation the user works for.',
    });
  }
  const found = await db.selectFrom('provider_organisation').select('id').where('id', '=', input.providerId).where('is_active', '=', true).executeTakeFirst();
  if (!found) throw invalid('providerId', { it: 'Organizzazione fornitrice inesistente o non attiva.', en: 'Provider organisation does not exist or is not active.' });
  return found.id;
}

export async function addGrant(db: Db, userId: string, input: GrantInput): Promise<UserView> {
  const user = await getUser(db, userId);
  await assertTerritoryExists(db, input.territoryKind, input.territoryId);
  const providerId = await providerFor(db, user, input);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('user_grant')
      .values({ user_id: userId, role: input.role, territory_kind: input.territoryKind, territory_id: input.territoryId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    // Open sessions see the new organisation within the actor cache's second.
    if (providerId !== user.providerId) await trx.updateTable('app_user').set({ provider_id: providerId }).where('id', '=', userId).execute();
  });
  return getUser(db, userId);
}

export async function removeGrant(db: Db, userId: string, grantId: string): Promise<UserView> {
  await db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('user_grant').where('id', '=', grantId).where('user_id', '=', userId).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound({ it: 'Autorizzazione non trovata.', en: 'Grant not found.' });
    // The last provider grant gone: the user no longer works for the organisation.
    const stillProvider = await trx.selectFrom('user_grant').select('id').where('user_id', '=', userId).where('role', '=', 'provider').executeTakeFirst();
    if (!stillProvider) await trx.updateTable('app_user').set({ provider_id: null }).where('id', '=', userId).where('provider_id', 'is not', null).execute();
  });
  return getUser(db, userId);
}

export async function listTeams(db: Db, id?: string): Promise<Team[]> {
  let select = db
    .selectFrom('team as t')
    .select(['t.id', 't.name', 't.municipality_code', sql<string[]>`coalesce((SELECT array_agg(m.user_id::text) FROM team_member m WHERE m.team_id = t.id), '{}')`.as('member_ids')])
    .orderBy('t.name');
  if (id) select = select.where('t.id', '=', id);
  return (await select.execute()).map((t) => ({ id: t.id, name: t.name, municipalityCode: t.municipality_code, memberIds: t.member_ids }));
}

export async function saveTeam(db: Db, input: TeamInput, id?: string): Promise<Team> {
  const teamId = await db.transaction().execute(async (trx) => {
    const saved = id
      ? await trx.updateTable('team').set({ name: input.name, municipality_code: input.municipalityCode }).where('id', '=', id).returning('id').executeTakeFirst()
      : await trx.insertInto('team').values({ name: input.name, municipality_code: input.municipalityCode }).returning('id').executeTakeFirst();
    if (!saved) throw notFound({ it: 'Équipe non trovata.', en: 'Team not found.' });
    await trx.deleteFrom('team_member').where('team_id', '=', saved.id).execute();
    const members = [...new Set(input.memberIds)];
    if (members.length) await trx.insertInto('team_member').values(members.map((user_id) => ({ team_id: saved.id, user_id }))).execute();
    return saved.id;
  });
  const [team] = await listTeams(db, teamId);
  if (!team) throw notFound();
  return team;
}
