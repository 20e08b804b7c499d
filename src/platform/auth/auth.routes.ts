import type { FastifyRequest } from 'fastify';
import { getActor } from '../access/guard.ts';
import { permissionsOf, PUBLIC, AUTHENTICATED } from '../access/policy.ts';
import type { Actor } from '../access/actor.ts';
import { AppError } from '../http/errors.ts';
import { ErrorBody } from '../http/error.schemas.ts';
import type { App, AppContext } from '../http/feature.ts';
import { ChangePasswordBody, LoginBody, Me, Ok, UnlockBody } from './auth.schemas.ts';
import { login } from './login.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { loadActor, revokeSession, revokeUserSessions, SESSION_COOKIE, setSessionLocked } from './sessions.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 423: ErrorBody, 429: ErrorBody };

export function toMe(actor: Actor, idleLockMinutes: number): Me {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    grants: actor.grants.map(({ id, role, territoryKind, territoryId, territoryName }) => ({
      id,
      role,
      territoryKind,
      territoryId,
      territoryName,
    })),
    permissions: permissionsOf(actor.grants.map((grant) => grant.role)),
    csrfToken: actor.csrfToken,
    idleLockMinutes,
    isLocked: actor.isLocked,
  };
}

async function checkPassword(context: AppContext, userId: string, password: string): Promise<void> {
  const user = await context.database.db.selectFrom('app_user').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, password))) {
    throw new AppError('UNAUTHENTICATED', { message: { it: 'Password non corretta.', en: 'Wrong password.' } });
  }
}

export function authRoutes(app: App, context: AppContext): void {
  const { db } = context.database;
  const { config } = context;
  const cookieOptions = (request: FastifyRequest) => ({
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.secureCookies || request.protocol === 'https',
    path: '/',
  });

  app.post(
    '/auth/login',
    { config: { permission: PUBLIC }, schema: { tags: ['auth'], body: LoginBody, response: { 200: Me, ...errors } } },
    async (request, reply) => {
      const session = await login(db, config, request.body.username, request.body.password, request.ip);
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(request));
      const actor = await loadActor(db, config, session.token, { requestId: request.id, clientAddress: request.ip, purpose: null });
      if (!actor) throw new AppError('UNAUTHENTICATED');
      return toMe(actor, config.idleLockMinutes);
    },
  );

  app.post(
    '/auth/logout',
    { config: { permission: AUTHENTICATED, allowWhenLocked: true }, schema: { tags: ['auth'], response: { 200: Ok, ...errors } } },
    async (request, reply) => {
      await revokeSession(db, getActor(request).sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    { config: { permission: AUTHENTICATED, allowWhenLocked: true }, schema: { tags: ['auth'], response: { 200: Me, ...errors } } },
    async (request) => toMe(getActor(request), config.idleLockMinutes),
  );

  app.post(
    '/auth/lock',
    { config: { permission: AUTHENTICATED, allowWhenLocked: true }, schema: { tags: ['auth'], response: { 200: Ok, ...errors } } },
    async (request) => {
      await setSessionLocked(db, getActor(request).sessionId, true);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/unlock',
    {
      config: { permission: AUTHENTICATED, allowWhenLocked: true },
      schema: { tags: ['auth'], body: UnlockBody, response: { 200: Me, ...errors } },
    },
    async (request) => {
      const actor = getActor(request);
      await checkPassword(context, actor.userId, request.body.password);
      await setSessionLocked(db, actor.sessionId, false);
      return toMe({ ...actor, isLocked: false }, config.idleLockMinutes);
    },
  );

  app.post(
    '/auth/password',
    {
      config: { permission: AUTHENTICATED },
      schema: { tags: ['auth'], body: ChangePasswordBody, response: { 200: Ok, ...errors } },
    },
    async (request) => {
      const actor = getActor(request);
      await checkPassword(context, actor.userId, request.body.currentPassword);
      const passwordHash = await hashPassword(request.body.newPassword);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', actor.userId).execute();
        // Other sessions of the user end: a changed password must shut out whoever knew the old one.
        await revokeUserSessions(trx, actor.userId, actor.sessionId);
      });
      return { ok: true as const };
    },
  );
}
