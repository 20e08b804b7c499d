import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { AppError } from '../http/errors.ts';
import { verifyDecoy, verifyPassword } from './password.ts';
import { createSession, revokeSession } from './sessions.ts';
import { throttledCheck } from './throttle.ts';

const wrongCredentials = () =>
  new AppError('UNAUTHENTICATED', {
    message: { it: 'Nome utente o password non corretti.', en: 'Wrong username or password.' },
  });

/** Password login, throttled per (username, address) by throttle.ts. */
export async function login(db: Db, config: Config, username: string, password: string, clientAddress: string | null) {
  const name = username.trim().toLowerCase();
  const { ok, user, isValid } = await throttledCheck(db, config, { username: name, clientAddress, kind: 'login' }, async () => {
    const found = await db.selectFrom('app_user').select(['id', 'password_hash', 'is_active']).where('username', '=', name).executeTakeFirst();
    const valid = found ? await verifyPassword(found.password_hash, password) : await verifyDecoy(password);
    return { ok: valid && !!found?.is_active, user: found, isValid: valid };
  });
  if (!user || !isValid) throw wrongCredentials();
  if (!ok) {
    throw new AppError('FORBIDDEN', {
      message: { it: 'Utenza disattivata: rivolgersi all’amministratore.', en: 'Account disabled: contact the administrator.' },
    });
  }
  await db.updateTable('app_user').set({ last_login_at: sql`trama_now()` }).where('id', '=', user.id).execute();
  return createSession(db, config, user.id, clientAddress);
}

/**
 * The password given again inside a session (unlock, password change), in the same throttle as logins.
 * After loginMaxFailures wrong ones the session ends: whoever sits at an unlocked screen cannot keep guessing.
 */
export async function confirmPassword(db: Db, config: Config, actor: Actor, password: string, kind: 'unlock' | 'password'): Promise<void> {
  const key = { username: actor.username, clientAddress: actor.clientAddress, kind, sessionId: actor.sessionId };
  const { ok, sessionFailuresBefore } = await throttledCheck(db, config, key, async () => {
    const user = await db.selectFrom('app_user').select('password_hash').where('id', '=', actor.userId).executeTakeFirstOrThrow();
    return { ok: await verifyPassword(user.password_hash, password) };
  });
  if (ok) return;
  const left = config.loginMaxFailures - sessionFailuresBefore - 1;
  if (left <= 0) {
    await revokeSession(db, actor.sessionId);
    throw new AppError('SESSION_ENDED');
  }
  const message = {
    it: `Password non corretta. ${left === 1 ? 'Ancora 1 tentativo' : `Ancora ${left} tentativi`}, poi la sessione verrà chiusa.`,
    en: `Wrong password. ${left === 1 ? '1 more attempt' : `${left} more attempts`}, then the session will be ended.`,
  };
  // On a password change the wrong password is a field of the form; at unlock it is the only field.
  if (kind === 'password') {
    throw new AppError('VALIDATION', { details: [{ path: 'currentPassword', message: message.it, messageEn: message.en }], message });
  }
  throw new AppError('UNAUTHENTICATED', { message });
}
