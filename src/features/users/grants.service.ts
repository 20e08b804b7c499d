import type { Actor, ResolvedGrant } from '../../platform/access/actor.ts';
import type { Role, TerritoryKind } from '../../platform/access/roles.ts';
import { scopeFor } from '../../platform/access/scope.ts';
import { resolveGrants } from '../../platform/access/territory-resolver.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { recordAdminChange } from '../admin-log/admin-log.service.ts';
import { USERS_MANAGE } from './permissions.ts';
import type { GrantInput, UserView } from './users.schemas.ts';
import { grantMunicipalities } from './grant-coverage.ts';
import { getUser } from './users.service.ts';
import '../../platform/auth/auth.tables.ts';
import '../catalogue/catalogue.tables.ts';

const selfGrant = () =>
  new AppError('FORBIDDEN', {
    message: {
      it: 'Non è possibile aggiungere, modificare o togliere le proprie autorizzazioni: deve farlo un altro amministratore.',
      en: 'You cannot add, change or remove your own grants: another administrator must do it.',
    },
  });

const outsideTerritory = (territoryName: string) =>
  new AppError('FORBIDDEN', {
    message: {
      it: `«${territoryName}» è fuori dal territorio che si amministra: solo un amministratore di quel territorio può assegnarvi autorizzazioni.`,
      en: `"${territoryName}" is outside the territory you administer: only an administrator of that territory can grant roles there.`,
    },
  });

/**
 * An admin manages grants only inside the territory of its own users.manage grants and never its own:
 * otherwise it could give itself (or anyone) access to records of territories it does not answer for.
 * `actor` is null for the command line, which bootstraps the first admin.
 */
async function assertMayManage(db: Db, actor: Actor | null, userId: string, grant: ResolvedGrant): Promise<void> {
  if (!actor) return;
  if (actor.userId === userId) throw selfGrant();
  const scope = scopeFor(actor, USERS_MANAGE);
  const covered = new Set(scope.municipalityCodes);
  const areaCities = await grantMunicipalities(db, [{ municipalityCodes: [], areaIds: grant.areaIds.filter((id) => !scope.areaIds.includes(id)) }]);
  if (![...grant.municipalityCodes, ...areaCities].every((code) => covered.has(code))) throw outsideTerritory(grant.territoryName);
}

async function resolveOne(db: Db, grant: { id: string; role: Role; territoryKind: TerritoryKind; territoryId: string }): Promise<ResolvedGrant> {
  const [resolved] = await resolveGrants(db, [grant]);
  if (!resolved || (resolved.municipalityCodes.length === 0 && resolved.areaIds.length === 0)) {
    throw invalid('territoryId', { it: 'Territorio inesistente o senza comuni.', en: 'Territory does not exist or has no municipalities.' });
  }
  return resolved;
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

/** A grant as the administration trail keeps it. */
const grantRecord = (user: UserView, grant: ResolvedGrant, providerId: string | null) => ({
  userId: user.id,
  username: user.username,
  role: grant.role,
  territoryKind: grant.territoryKind,
  territoryId: grant.territoryId,
  territoryName: grant.territoryName,
  providerId,
});

export async function addGrant(db: Db, actor: Actor | null, userId: string, input: GrantInput): Promise<UserView> {
  const user = await getUser(db, userId);
  const resolved = await resolveOne(db, { id: 'new', role: input.role, territoryKind: input.territoryKind, territoryId: input.territoryId });
  await assertMayManage(db, actor, userId, resolved);
  const providerId = await providerFor(db, user, input);
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('user_grant')
      .values({ user_id: userId, role: input.role, territory_kind: input.territoryKind, territory_id: input.territoryId })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    // Open sessions see the new organisation within the actor cache's second.
    if (providerId !== user.providerId) await trx.updateTable('app_user').set({ provider_id: providerId }).where('id', '=', userId).execute();
    if (!inserted && providerId === user.providerId) return; // the user already held this grant: nothing changed
    await recordAdminChange(trx, actor, {
      entityType: 'user_grant',
      entityId: inserted?.id ?? user.grants.find((g) => g.role === input.role && g.territoryKind === input.territoryKind && g.territoryId === input.territoryId)?.id ?? userId,
      action: 'grant_add',
      before: inserted ? null : grantRecord(user, resolved, user.providerId),
      after: grantRecord(user, resolved, providerId),
      municipalityCodes: await grantMunicipalities(trx, [resolved]),
    });
  });
  return getUser(db, userId);
}

export async function removeGrant(db: Db, actor: Actor | null, userId: string, grantId: string): Promise<UserView> {
  const user = await getUser(db, userId);
  const grant = user.grants.find((g) => g.id === grantId);
  if (!grant) throw notFound({ it: 'Autorizzazione non trovata.', en: 'Grant not found.' });
  const resolved = await resolveOne(db, grant);
  await assertMayManage(db, actor, userId, resolved);
  await db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('user_grant').where('id', '=', grantId).where('user_id', '=', userId).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound({ it: 'Autorizzazione non trovata.', en: 'Grant not found.' });
    // The last provider grant gone: the user no longer works for the organisation.
    const stillProvider = await trx.selectFrom('user_grant').select('id').where('user_id', '=', userId).where('role', '=', 'provider').executeTakeFirst();
    const providerId = stillProvider ? user.providerId : null;
    if (!stillProvider) await trx.updateTable('app_user').set({ provider_id: null }).where('id', '=', userId).where('provider_id', 'is not', null).execute();
    await recordAdminChange(trx, actor, {
      entityType: 'user_grant',
      entityId: grantId,
      action: 'grant_remove',
      before: grantRecord(user, resolved, user.providerId),
      after: providerId === user.providerId ? null : { userId, providerId },
      municipalityCodes: await grantMunicipalities(trx, [resolved]),
    });
  });
  return getUser(db, userId);
}
