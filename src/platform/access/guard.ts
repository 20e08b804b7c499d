import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { loadActorCached, SESSION_COOKIE } from '../auth/sessions.ts';
import { AppError } from '../http/errors.ts';
import { type Actor, holds } from './actor.ts';
import { AUTHENTICATED, PUBLIC } from './policy.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission the route needs, or PUBLIC / AUTHENTICATED. Undeclared means denied. */
    permission?: string;
    /** Routes a locked session may still call (see who is logged in, unlock, log out). */
    allowWhenLocked?: boolean;
    /** Routes a user whose password the administrator set may call before changing it (besides the allowWhenLocked ones). */
    allowBeforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor?: Actor;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_PURPOSE = 500;

function purposeOf(request: FastifyRequest): string | null {
  const raw = request.headers['x-trama-purpose'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return null;
  const decoded = (() => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  })();
  return decoded.trim().slice(0, MAX_PURPOSE) || null;
}

/** The one place that decides whether a request may reach its handler. */
export function createGuard(db: Db, config: Config) {
  return async function guard(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const { permission, allowWhenLocked, allowBeforePasswordChange } = request.routeOptions.config;
    // No route matched: the not-found handler answers, with nothing behind it to protect.
    if (permission === PUBLIC || request.routeOptions.url === undefined) return;
    if (!permission) throw new AppError('FORBIDDEN');

    const token = request.cookies[SESSION_COOKIE];
    const actor = token
      ? await loadActorCached(db, config, token, {
          requestId: request.id,
          clientAddress: request.ip,
          purpose: purposeOf(request),
        })
      : undefined;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== actor.csrfToken) {
      throw new AppError('CSRF');
    }
    if (actor.isLocked && !allowWhenLocked) throw new AppError('LOCKED');
    // The session-keeping routes (me, lock, unlock, logout) stay open: the user must be able to leave.
    if (actor.mustChangePassword && !allowWhenLocked && !allowBeforePasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (permission !== AUTHENTICATED && !holds(actor, permission)) throw new AppError('FORBIDDEN');
    request.actor = actor;
  };
}

export function getActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}
