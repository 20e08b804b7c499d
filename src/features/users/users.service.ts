import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { resolveGrants } from '../../platform/access/territory-resolver.ts';
import type { Role, TerritoryKind } from '../../platform/access/roles.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { assertAcceptablePassword } from '../../platform/auth/password-policy.ts';
import { revokeUserSessions } from '../../platform/auth/sessions.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { recordAdminChange } from '../admin-log/admin-log.service.ts';
import { grantMunicipalities } from './grant-coverage.ts';
import type { CreateUserBody, ProviderOption, UpdateUserBody, UserView } from './users.schemas.ts';
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

/** A user as the administration trail keeps it: the account, never its password or sessions. */
const userRecord = (user: UserView) => ({
  username: user.username,
  displayName: user.displayName,
  email: user.email,
  isActive: user.isActive,
  providerId: user.providerId,
});

/** The territory of a change to a user: its grants' municipalities (empty: the acting admin's territory). */
async function userTerritory(db: Db, user: UserView): Promise<string[]> {
  return grantMunicipalities(db, await resolveGrants(db, user.grants));
}

/**
 * A new account (admin API and `trama create-user`). Its password was chosen by someone else and travelled
 * to the user somehow, so the user must replace it at the first sign-in. `actor` is null for the command
 * line, which the trail records as such.
 */
export async function createUser(db: Db, actor: Actor | null, input: CreateUserBody): Promise<UserView> {
  const existing = await db.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst();
  if (existing) throw new AppError('CONFLICT', { message: { it: 'Nome utente già in uso.', en: 'Username already taken.' } });
  await assertAcceptablePassword('password', input.password, { username: input.username });
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
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
    const created = await getUser(trx, row.id);
    await recordAdminChange(trx, actor, { entityType: 'user', entityId: row.id, action: 'create', after: userRecord(created), municipalityCodes: [] });
    return row.id;
  });
  return getUser(db, id);
}

export async function updateUser(db: Db, actor: Actor, id: string, input: UpdateUserBody): Promise<UserView> {
  const changes = {
    ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
  };
  await db.transaction().execute(async (trx) => {
    const before = await getUser(trx, id);
    if (Object.keys(changes).length) await trx.updateTable('app_user').set(changes).where('id', '=', id).execute();
    if (input.isActive === false) await revokeUserSessions(trx, id);
    const after = await getUser(trx, id);
    if (JSON.stringify(userRecord(before)) === JSON.stringify(userRecord(after))) return;
    const action = before.isActive === after.isActive ? 'update' : after.isActive ? 'enable' : 'disable';
    await recordAdminChange(trx, actor, { entityType: 'user', entityId: id, action, before: userRecord(before), after: userRecord(after), municipalityCodes: await userTerritory(trx, after) });
  });
  return getUser(db, id);
}

/** An administrator's reset: the user must choose their own password at the next sign-in; the trail says that it happened, never what it is. */
export async function setPassword(db: Db, actor: Actor, id: string, password: string): Promise<void> {
  const target = await db.selectFrom('app_user').select('username').where('id', '=', id).executeTakeFirst();
  if (!target) throw userNotFound();
  await assertAcceptablePassword('password', password, { username: target.username });
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const user = await getUser(trx, id);
    await trx.updateTable('app_user').set({ password_hash: passwordHash, must_change_password: true }).where('id', '=', id).execute();
    await revokeUserSessions(trx, id);
    await recordAdminChange(trx, actor, { entityType: 'user', entityId: id, action: 'password_reset', municipalityCodes: await userTerritory(trx, user) });
  });
}

export async function revokeSessions(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await getUser(trx, id);
    await revokeUserSessions(trx, id);
    await recordAdminChange(trx, actor, { entityType: 'user', entityId: id, action: 'sessions_revoked', municipalityCodes: await userTerritory(trx, user) });
  });
}

export async function listProviderOptions(db: Db): Promise<ProviderOption[]> {
  const rows = await db.selectFrom('provider_organisation').select(['id', 'name', 'is_active']).orderBy('name').execute();
  return rows.map((row) => ({ id: row.id, name: row.name, isActive: row.is_active }));
}
