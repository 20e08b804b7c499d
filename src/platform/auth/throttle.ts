import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { AppError, type Bilingual } from '../http/errors.ts';
import type { AttemptKind } from './auth.tables.ts';
import { revokeSession } from './sessions.ts';
import './auth.tables.ts';

/**
 * Password guessing is slowed per (username, address), never blocked per username: wrong passwords for
 * `admin` from one machine do not stop the real admin signing in from another. Each check is recorded
 * *before* the password is verified, under an advisory lock on the username, and attempts still in flight
 * count as failures: however many guesses arrive in parallel, at most `loginMaxFailures` get checked.
 */

/** Advisory lock key spaces (the two-int form never collides with the migration lock's single bigint key). */
const ADDRESS_LOCKS = 1301;
const USERNAME_LOCKS = 1302;
/** The first wait after loginMaxFailures failures, doubled at each further one up to loginLockMinutes. */
const FIRST_DELAY_SECONDS = 30;
/** Failures of a pair are forgotten after a day, or at once when the pair signs in. */
const FAILURE_MEMORY_HOURS = 24;
/** An attempt still unresolved after this long was cut short (a crash): from then on a plain failure. */
const IN_FLIGHT_SECONDS = 60;
/** Past the per-address ceiling, a user who signed in from that address within these days still may. */
const KNOWN_ADDRESS_DAYS = 30;

/** Seconds the next attempt of a pair must wait after its latest failure, given how many it has had. */
export function delaySeconds(config: Pick<Config, 'loginMaxFailures' | 'loginLockMinutes'>, failures: number): number {
  const beyond = failures - config.loginMaxFailures;
  if (beyond < 0) return 0;
  return Math.min(config.loginLockMinutes * 60, FIRST_DELAY_SECONDS * 2 ** Math.min(beyond, 20));
}

function waitText(seconds: number): Bilingual {
  if (seconds < 60) return { it: `${seconds} secondi`, en: `${seconds} seconds` };
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? { it: '1 minuto', en: '1 minute' } : { it: `${minutes} minuti`, en: `${minutes} minutes` };
}

function throttled(waitSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitSeconds));
  const wait = waitText(seconds);
  return new AppError('THROTTLED', {
    message: {
      it: `Troppi tentativi non riusciti per questo nome utente da questo dispositivo: riprova tra ${wait.it}. Se non ricordi la password, chiedi all’amministratore di reimpostarla.`,
      en: `Too many failed attempts for this username from this device: try again in ${wait.en}. If you do not remember the password, ask the administrator to reset it.`,
    },
    retryAfterSeconds: seconds,
    data: { retryAfterSeconds: seconds },
  });
}

export interface AttemptKey {
  username: string;
  clientAddress: string | null;
  kind: AttemptKind;
  /** For unlock and password change: the session, which ends after loginMaxFailures failures. */
  sessionId?: string;
}

type Started = { id: number; sessionFailures: number } | { sessionSpent: true };

async function begin(db: Db, config: Config, key: AttemptKey): Promise<Started> {
  return db.transaction().execute(async (trx) => {
    // Address, then username, always in this order: two attempts never wait for each other in a cycle.
    if (key.kind === 'login' && key.clientAddress !== null) {
      await sql`SELECT pg_advisory_xact_lock(${sql.lit(ADDRESS_LOCKS)}, hashtext(${key.clientAddress}))`.execute(trx);
    }
    await sql`SELECT pg_advisory_xact_lock(${sql.lit(USERNAME_LOCKS)}, hashtext(${key.username}))`.execute(trx);

    const pair = await sql<{ failures: number; in_flight: number; since_last: number | null }>`
      SELECT count(*)::int AS failures,
             count(*) FILTER (WHERE a.succeeded IS NULL AND a.at > trama_now() - make_interval(secs => ${IN_FLIGHT_SECONDS}))::int AS in_flight,
             extract(epoch FROM trama_now() - max(a.at))::float8 AS since_last
      FROM login_attempt a
      WHERE a.username = ${key.username} AND a.client_address IS NOT DISTINCT FROM ${key.clientAddress}
        AND a.succeeded IS NOT TRUE
        AND a.at > trama_now() - make_interval(hours => ${FAILURE_MEMORY_HOURS})
        AND a.at > coalesce((SELECT max(s.at) FROM login_attempt s
                             WHERE s.username = ${key.username} AND s.client_address IS NOT DISTINCT FROM ${key.clientAddress}
                               AND s.succeeded), '-infinity')`
      .execute(trx)
      .then((result) => result.rows[0]!);
    if (pair.failures >= config.loginMaxFailures) {
      const delay = delaySeconds(config, pair.failures);
      // One attempt at a time once delayed: while one is being checked, the next waits the whole delay.
      const wait = pair.in_flight > 0 ? delay : delay - (pair.since_last ?? Number.POSITIVE_INFINITY);
      if (wait > 0) throw throttled(wait);
    }

    if (key.kind === 'login' && key.clientAddress !== null) await checkAddressCeiling(trx, config, key.username, key.clientAddress);

    let sessionFailures = 0;
    if (key.sessionId !== undefined) {
      const session = await sql<{ failures: number }>`
        SELECT count(*)::int AS failures FROM login_attempt a
        WHERE a.session_id = ${key.sessionId} AND a.succeeded IS NOT TRUE
          AND a.at > coalesce((SELECT max(s.at) FROM login_attempt s WHERE s.session_id = ${key.sessionId} AND s.succeeded), '-infinity')`
        .execute(trx)
        .then((result) => result.rows[0]!);
      if (session.failures >= config.loginMaxFailures) return { sessionSpent: true as const };
      sessionFailures = session.failures;
    }

    const row = await trx
      .insertInto('login_attempt')
      .values({ username: key.username, client_address: key.clientAddress, succeeded: null, kind: key.kind, session_id: key.sessionId ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, sessionFailures };
  });
}

/**
 * Many failures from one address across usernames (password spraying, or a script) make new usernames
 * from it wait too; users who signed in from that address lately are not held back by strangers' failures.
 */
async function checkAddressCeiling(trx: Db, config: Config, username: string, clientAddress: string): Promise<void> {
  const recent = await sql<{ failures: number }>`
    SELECT count(*)::int AS failures FROM login_attempt
    WHERE client_address = ${clientAddress} AND succeeded IS NOT TRUE
      AND at > trama_now() - make_interval(mins => ${config.loginLockMinutes})`
    .execute(trx)
    .then((result) => result.rows[0]!);
  if (recent.failures < config.loginAddressMaxFailures) return;
  const known = await sql<{ one: number }>`
    SELECT 1 AS one FROM login_attempt
    WHERE username = ${username} AND client_address = ${clientAddress} AND succeeded
      AND at > trama_now() - make_interval(days => ${KNOWN_ADDRESS_DAYS})
    LIMIT 1`.execute(trx);
  if (known.rows.length === 0) throw throttled(config.loginLockMinutes * 60);
}

/**
 * Runs one password check under the throttle and records its outcome (`ok`: whether the attempt
 * succeeded). Throws THROTTLED (429 + Retry-After) without running `check` when the pair must wait, and
 * SESSION_ENDED (the session revoked) when a session has used up its attempts.
 */
export async function throttledCheck<R extends { ok: boolean }>(
  db: Db,
  config: Config,
  key: AttemptKey,
  check: () => Promise<R>,
): Promise<R & { sessionFailuresBefore: number }> {
  const started = await begin(db, config, key);
  if ('sessionSpent' in started) {
    if (key.sessionId !== undefined) await revokeSession(db, key.sessionId);
    throw new AppError('SESSION_ENDED');
  }
  let result: R;
  try {
    result = await check();
  } catch (error) {
    // Not a wrong password (the server was busy, the database failed): it must not count against the user.
    await db.deleteFrom('login_attempt').where('id', '=', started.id).execute();
    throw error;
  }
  await db.updateTable('login_attempt').set({ succeeded: result.ok }).where('id', '=', started.id).execute();
  return { ...result, sessionFailuresBefore: started.sessionFailures };
}
