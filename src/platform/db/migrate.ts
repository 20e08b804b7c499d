import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from './database.ts';
import { appPath } from '../app-root.ts';

export const migrationsDir = appPath('migrations');

/** Migration files are `YYYYMMDDTHHMM_verb-object.sql`, applied in name order, each once, each in a transaction. */
export function listMigrations(dir = migrationsDir): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /^\d{8}T\d{4}_[a-z0-9-]+\.sql$/.test(name))
    .sort();
}

// The ledger exists before trama_now() does, and records when a migration really ran.
// eslint-disable-next-line no-restricted-syntax
const LEDGER = `CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;

/** Key of the advisory lock migrations take: two servers starting together apply each migration once. */
const MIGRATION_LOCK = 7_264_512_011;

export async function appliedMigrations(database: Database): Promise<string[]> {
  const result = await sql<{ name: string }>`
    SELECT name FROM schema_migration ORDER BY name`.execute(database.db).catch(() => ({ rows: [] }));
  return result.rows.map((row) => row.name);
}

export async function pendingMigrations(database: Database, dir = migrationsDir): Promise<string[]> {
  const applied = new Set(await appliedMigrations(database));
  return listMigrations(dir).filter((name) => !applied.has(name));
}

/**
 * Applies pending migrations; returns their names. Holds an advisory lock on one connection meanwhile, so a
 * second server (or `trama migrate`) starting at the same time waits, then finds nothing left to do.
 */
export async function migrate(database: Database, dir = migrationsDir): Promise<string[]> {
  // Nothing to do: no lock and no DDL, so a server running as a role that may not create tables starts.
  if ((await pendingMigrations(database, dir)).length === 0) return [];
  return database.withConnection(async (exec) => {
    // A migration may rewrite a large table, and waits for another server's migrations: the request
    // timeouts (TRAMA_DB_STATEMENT_TIMEOUT_MS, TRAMA_DB_LOCK_TIMEOUT_MS) are lifted on this connection only.
    await exec('SET statement_timeout = 0; SET lock_timeout = 0');
    await exec(`SELECT pg_advisory_lock(${String(MIGRATION_LOCK)})`);
    try {
      await exec(LEDGER);
      const applied = new Set(((await exec('SELECT name FROM schema_migration')) as { name: string }[]).map((row) => row.name));
      const pending = listMigrations(dir).filter((name) => !applied.has(name));
      for (const name of pending) {
        const body = fs.readFileSync(path.join(dir, name), 'utf8');
        const escaped = name.replace(/'/g, "''");
        await exec(`BEGIN;\n${body}\n;INSERT INTO schema_migration (name) VALUES ('${escaped}');\nCOMMIT;`).catch(async (error: unknown) => {
          await exec('ROLLBACK').catch(() => undefined);
          throw new Error(`Migration ${name} failed: ${(error as Error).message}`, { cause: error });
        });
      }
      return pending;
    } finally {
      await exec(`SELECT pg_advisory_unlock(${String(MIGRATION_LOCK)})`).catch(() => undefined);
      // Back to the connection's own settings before it returns to the pool.
      await exec('RESET statement_timeout; RESET lock_timeout').catch(() => undefined);
    }
  });
}
