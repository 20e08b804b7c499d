import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { verifyDecoy, verifyPassword } from './password.ts';
import { createSession } from './sessions.ts';

const wrongCredentials = () =>
  new AppError('UNAUTHENTICATED', {
    message: { it: 'Nome utente o password non corretti.', en: 'Wrong username or password.' },
  });

async function recentFailures(db: Db, config: Config, column: 'username' | 'client_address', value: string) {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', value)
    .where('succeeded', '=', false)
    .where('at', '>', sql<string>`trama_now() - make_interval(mins => ${config.loginLockMinutes})`)
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Password login. After `loginMaxFailures` failures in `loginLockMinutes` for a username (or four times
 * that from one address), further attempts are refused even with the right password until the window passes.
 */
export async function login(db: Db, config: Config, username: string, password: string, clientAddress: string | null) {
  const name = username.trim().toLowerCase();
  const throttled =
    (await recentFailures(db, config, 'username', name)) >= config.loginMaxFailures ||
    (clientAddress !== null &&
      (await recentFailures(db, config, 'client_address', clientAddress)) >= config.loginMaxFailures * 4);
  if (throttled) {
    throw new AppError('THROTTLED', {
      message: {
        it: `Troppi tentativi falliti: riprovare tra ${config.loginLockMinutes} minuti.`,
        en: `Too many failed attempts: try again in ${config.loginLockMinutes} minutes.`,
      },
    });
  }
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'is_active'])
    .where('username', '=', name)
    .executeTakeFirst();
  const isValid = user ? await verifyPassword(user.password_hash, password) : await verifyDecoy(password);
  await db
    .insertInto('login_attempt')
    .values({ username: name, client_address: clientAddress, succeeded: isValid && !!user?.is_active })
    .execute();
  if (!user || !isValid) throw wrongCredentials();
  if (!user.is_active) {
    throw new AppError('FORBIDDEN', {
      message: { it: 'Utenza disattivata: rivolgersi all’amministratore.', en: 'Account disabled: contact the administrator.' },
    });
  }
  await db.updateTable('app_user').set({ last_login_at: sql`trama_now()` }).where('id', '=', user.id).execute();
  return createSession(db, config, user.id, clientAddress);
}
