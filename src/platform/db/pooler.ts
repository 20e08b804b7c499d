import { sql } from 'kysely';
import type pg from 'pg';
import type { Database } from './database.ts';
import { StartupError } from './storage-errors.ts';

/**
 * How Trama reaches PostgreSQL (TRAMA_DB_POOLER): directly ('none'), or through pgbouncer in transaction
 * mode ('pgbouncer'). pgbouncer hands each transaction to any of its server connections, so Trama sends
 * neither named prepared statements (prepared-statements.ts) nor startup options: the settings a direct
 * connection carries (UTC, statement_timeout, lock_timeout) are the role's defaults in the database instead,
 * which `trama migrate` writes when TRAMA_DB_POOLER=pgbouncer (applyPoolerSettings).
 */
export type Pooler = 'none' | 'pgbouncer';

/** Names PostgreSQL gives UTC; anything else would shift every `::date` of an instant. */
const UTC_NAMES = new Set(['utc', 'etc/utc', 'uct', 'etc/uct', 'universal', 'etc/universal', 'zulu', 'etc/zulu', 'gmt', 'etc/gmt']);

/**
 * Trama's clock reaches the database as the connection setting trama.clock_offset, which pgbouncer cannot
 * carry: with TRAMA_NOW (tests, demos on another date) connect directly.
 */
export function refuseClockThroughPooler(clockOffsetSeconds: string): void {
  if (Number(clockOffsetSeconds) === 0) return;
  throw new StartupError({
    it: 'TRAMA_NOW non è utilizzabile con TRAMA_DB_POOLER=pgbouncer: pgbouncer non trasmette lo spostamento dell’orologio al database. Collegarsi direttamente a PostgreSQL oppure togliere TRAMA_NOW.',
    en: 'TRAMA_NOW cannot be used with TRAMA_DB_POOLER=pgbouncer: pgbouncer does not carry the clock shift to the database. Connect to PostgreSQL directly or unset TRAMA_NOW.',
  });
}

/**
 * node-postgres reads one host per URL (`postgresql://a,b/db` fails deep inside it with "Invalid URL"): say
 * what to use instead, at start.
 */
export function refuseMultiHostUrl(url: string, variable: string): void {
  const hosts = /^[a-z]+:\/\/(?:[^@/]*@)?([^/?]*)/i.exec(url)?.[1] ?? '';
  if (!hosts.includes(',')) return;
  throw new StartupError({
    it: `${variable} indica più server (${hosts}): il driver di Trama ne accetta uno solo. Mettere davanti ai server un indirizzo che segue il primario (IP virtuale, HAProxy o pgbouncer) e indicare quello.`,
    en: `${variable} names several servers (${hosts}): Trama's driver takes one. Put an address that follows the primary (virtual IP, HAProxy or pgbouncer) in front of them and give that one.`,
  });
}

/** Through pgbouncer the session is what the role's settings make it: it must be in UTC, as a direct connection is. */
export async function checkPoolerSession(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ zone: string }>(`SELECT current_setting('TimeZone') AS zone`);
  const zone = rows[0]?.zone ?? '';
  if (UTC_NAMES.has(zone.toLowerCase())) return;
  throw new StartupError({
    it: `Attraverso pgbouncer (TRAMA_DB_POOLER=pgbouncer) le connessioni hanno il fuso del ruolo, qui "${zone}"; Trama richiede UTC. Eseguire "npx trama migrate" con TRAMA_DB_POOLER=pgbouncer (imposta TimeZone, statement_timeout e lock_timeout del ruolo nel database), poi riavviare.`,
    en: `Through pgbouncer (TRAMA_DB_POOLER=pgbouncer) connections take the role's time zone, here "${zone}"; Trama needs UTC. Run "npx trama migrate" with TRAMA_DB_POOLER=pgbouncer (it sets the role's TimeZone, statement_timeout and lock_timeout in the database), then start again.`,
  });
}

export interface PoolerSettings {
  role: string;
  database: string;
  settings: Record<string, string>;
}

/**
 * Writes the settings a direct connection sends at start-up as the defaults of `role` (the application's
 * role; unset: the role migrating, when the server connects as the same one) in this database only:
 * `ALTER ROLE … IN DATABASE … SET`. They apply to connections pgbouncer opens from then on.
 */
export async function applyPoolerSettings(database: Database, role: string | undefined, timeouts: { statementMs: number; lockMs: number }): Promise<PoolerSettings> {
  const ms = (value: number) => String(Math.max(0, Math.trunc(value)));
  const settings: Record<string, string> = { TimeZone: 'UTC', statement_timeout: ms(timeouts.statementMs), lock_timeout: ms(timeouts.lockMs) };
  const target = (await sql<{ role: string; database: string }>`SELECT coalesce(${role ?? null}::text, current_user) AS role, current_database() AS database`.execute(database.db)).rows[0]!;
  for (const [name, value] of Object.entries(settings)) {
    // Identifiers and values quoted by PostgreSQL itself (format %I, %L): ALTER ROLE takes no parameters.
    const statement = (
      await sql<{ text: string }>`SELECT format('ALTER ROLE %I IN DATABASE %I SET %s = %L', ${target.role}::text, ${target.database}::text, ${name}::text, ${value}::text) AS text`.execute(
        database.db,
      )
    ).rows[0]!.text;
    await sql.raw(statement).execute(database.db);
  }
  return { ...target, settings };
}
