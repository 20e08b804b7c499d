import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { resolveGrants, type GrantRow } from '../access/territory-resolver.ts';
import type { Role, TerritoryKind } from '../access/roles.ts';
import './auth.tables.ts';
import { clock } from '../time/clock.ts';

export const SESSION_COOKIE = 'trama_session';

const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export async function createSession(db: Db, config: Config, userId: string, clientAddress: string | null) {
  const token = newToken();
  const csrfToken = newToken();
  await db
    .insertInto('session')
    .values({
      id: sessionIdOf(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: new Date(clock.nowMs() + config.sessionMaxHours * 3_600_000).toISOString(),
      locked_at: null,
      revoked_at: null,
      client_address: clientAddress,
    })
    .execute();
  return { token, csrfToken };
}

export interface RequestMeta {
  requestId: string;
  clientAddress: string | null;
  purpose: string | null;
}

/** Loads the actor of a session token, or undefined if the session is unknown, expired, revoked or idle too long. */
export async function loadActor(db: Db, config: Config, token: string, meta: RequestMeta): Promise<Actor | undefined> {
  const id = sessionIdOf(token);
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.id',
      'session.user_id',
      'session.csrf_token',
      'session.locked_at',
      'app_user.username',
      'app_user.display_name',
      'app_user.provider_id',
      'app_user.must_change_password',
      sql<number>`extract(epoch from trama_now() - session.last_seen_at)`.as('idle_seconds'),
    ])
    .where('session.id', '=', id)
    .where('session.revoked_at', 'is', null)
    .where('session.expires_at', '>', sql<string>`trama_now()`)
    .where('app_user.is_active', '=', true)
    .executeTakeFirst();
  if (!row || row.idle_seconds > config.sessionIdleMinutes * 60) return undefined;

  // Idle past the lock threshold: the session locks on the server too, not only on screen.
  const lockNow = row.locked_at === null && row.idle_seconds > config.idleLockMinutes * 60;
  if (lockNow || row.idle_seconds > 30) {
    await db
      .updateTable('session')
      .set({ last_seen_at: sql`trama_now()`, ...(lockNow ? { locked_at: sql`trama_now()` } : {}) })
      .where('id', '=', id)
      .execute();
  }
  const grantRows = await db
    .selectFrom('user_grant')
    .select(['id', 'role', 'territory_kind', 'territory_id'])
    .where('user_id', '=', row.user_id)
    .orderBy('created_at')
    .execute();
  const grants = await resolveGrants(
    db,
    grantRows.map(
      (grant): GrantRow => ({
        id: grant.id,
        role: grant.role as Role,
        territoryKind: grant.territory_kind as TerritoryKind,
        territoryId: grant.territory_id,
      }),
    ),
  );
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    sessionId: id,
    csrfToken: row.csrf_token,
    isLocked: lockNow || row.locked_at !== null,
    mustChangePassword: row.must_change_password,
    grants,
    providerId: row.provider_id,
    ...meta,
  };
}

/** The part of an actor that belongs to the session, not to one request. */
type SessionActor = Omit<Actor, keyof RequestMeta>;

/**
 * Guarded requests share the actor of their session for at most ACTOR_TTL_MS. Loading it costs three
 * queries (session, grants, territories), more than the audited read it guards. A lock, unlock, logout
 * or revocation made through this module drops the entry at once; a change made elsewhere (another
 * server instance, a grant removed, a password changed) takes effect within that second.
 * Keep it at 2 s or less: it bounds how long a revoked session can still be used.
 */
const ACTOR_TTL_MS = 1_000;
const MAX_CACHED_SESSIONS = 10_000;

interface CachedActor {
  expiresAt: number;
  actor: Promise<SessionActor | undefined>;
  /** Known once loaded, to drop every session of a user. */
  userId?: string;
}

const actorCache = new Map<string, CachedActor>();

function sweepActorCache(now: number): void {
  for (const [id, entry] of actorCache) if (entry.expiresAt <= now) actorCache.delete(id);
  // Only live entries left and still too many: drop the oldest (Map keeps insertion order).
  for (const id of actorCache.keys()) {
    if (actorCache.size < MAX_CACHED_SESSIONS) break;
    actorCache.delete(id);
  }
}

function forgetSession(sessionId: string): void {
  actorCache.delete(sessionId);
}

function forgetUserSessions(userId: string): void {
  for (const [id, entry] of actorCache) if (entry.userId === undefined || entry.userId === userId) actorCache.delete(id);
}

/**
 * loadActor for the request guard, through the short-lived cache above. A login still calls loadActor
 * itself, so a new session is always read from the database on its first guarded request.
 */
export async function loadActorCached(db: Db, config: Config, token: string, meta: RequestMeta): Promise<Actor | undefined> {
  const id = sessionIdOf(token);
  const now = clock.nowMs();
  let entry = actorCache.get(id);
  if (!entry || entry.expiresAt <= now) {
    if (actorCache.size >= MAX_CACHED_SESSIONS) sweepActorCache(now);
    const loading: CachedActor = {
      expiresAt: now + ACTOR_TTL_MS,
      actor: loadActor(db, config, token, meta).then((actor) => {
        if (!actor) return undefined;
        const { requestId: _r, clientAddress: _c, purpose: _p, ...session } = actor;
        return session;
      }),
    };
    entry = loading;
    actorCache.set(id, loading);
    // Only valid sessions stay cached; a failed or refused load is retried by the next request.
    loading.actor.then(
      (actor) => {
        if (actor) loading.userId = actor.userId;
        else if (actorCache.get(id) === loading) actorCache.delete(id);
      },
      () => {
        if (actorCache.get(id) === loading) actorCache.delete(id);
      },
    );
  }
  const session = await entry.actor;
  return session ? { ...session, ...meta } : undefined;
}

/** Drops the cached actor of a session, e.g. after the user's own password change cleared a flag it carries. */
export function forgetCachedSession(sessionId: string): void {
  forgetSession(sessionId);
}

export async function setSessionLocked(db: Db, sessionId: string, isLocked: boolean): Promise<void> {
  forgetSession(sessionId);
  await db
    .updateTable('session')
    .set({ locked_at: isLocked ? sql`trama_now()` : null, last_seen_at: sql`trama_now()` })
    .where('id', '=', sessionId)
    .execute();
  // Again: a request may have loaded the session between the first drop and the update.
  forgetSession(sessionId);
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  forgetSession(sessionId);
  await db.updateTable('session').set({ revoked_at: sql`trama_now()` }).where('id', '=', sessionId).execute();
  // Again: a request may have loaded the session between the first drop and the update.
  forgetSession(sessionId);
}

/** Ends every session of a user, or every other one when `exceptSessionId` is given (a password change). */
export async function revokeUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<number> {
  forgetUserSessions(userId);
  let update = db.updateTable('session').set({ revoked_at: sql`trama_now()` }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptSessionId) update = update.where('id', '!=', exceptSessionId);
  const result = await update.executeTakeFirst();
  forgetUserSessions(userId);
  return Number(result.numUpdatedRows);
}
