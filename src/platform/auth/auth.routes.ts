import type { FastifyRequest } from 'fastify';
import { getActor } from '../access/guard.ts';
import { permissionsOf, PUBLIC, AUTHENTICATED } from '../access/policy.ts';
import type { Actor } from '../access/actor.ts';
import { AppError } from '../http/errors.ts';
import { ErrorBody } from '../http/error.schemas.ts';
import type { App, AppContext } from '../http/feature.ts';
import { ChangePasswordBody, LoginBody, Me, Ok, UnlockBody } from './auth.schemas.ts';
import { confirmPassword, login } from './login.ts';
import { hashPassword, limitPasswordWork } from './password.ts';
import { assertAcceptablePassword } from './password-policy.ts';
import { forgetCachedSession, loadActor, revokeSession, revokeUserSessions, SESSION_COOKIE, setSessionLocked } from './sessions.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 423: ErrorBody, 429: ErrorBody, 503: ErrorBody };

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
    mustChangePassword: actor.mustChangePassword,
  };
}

export function authRoutes(app: App, context: AppContext): void {
  const { db } = context.database;
  const { config } = context;
  limitPasswordWork(config.passwordWorkers, config.passwordQueue);
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
      await confirmPassword(db, config, actor, request.body.password, 'unlock');
      await setSessionLocked(db, actor.sessionId, false);
      return toMe({ ...actor, isLocked: false }, config.idleLockMinutes);
    },
  );

  app.post(
    '/auth/password',
    {
      config: { permission: AUTHENTICATED, allowBeforePasswordChange: true },
      schema: { tags: ['auth'], body: ChangePasswordBody, response: { 200: Ok, ...errors } },
    },
    async (request) => {
      const actor = getActor(request);
      const { currentPassword, newPassword } = request.body;
      // The policy first: a refused new password is not a wrong guess and costs no attempt.
      await assertAcceptablePassword('newPassword', newPassword, { username: actor.username, currentPassword });
      await confirmPassword(db, config, actor, currentPassword, 'password');
      const passwordHash = await hashPassword(newPassword);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('app_user').set({ password_hash: passwordHash, must_change_password: false }).where('id', '=', actor.userId).execute();
        // Other sessions of the user end: a changed password must shut out whoever knew the old one.
        await revokeUserSessions(trx, actor.userId, actor.sessionId);
      });
      // Once committed: the next request must not find the flag still set in the actor cache.
      forgetCachedSession(actor.sessionId);
      return { ok: true as const };
    },
  );
}
