import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import type { Database, OpenOptions } from './database.ts';
import { DATE, INT8, NUMERIC, PROBE_TIMEOUT_MS, TIMESTAMPTZ, toIso } from './pg-values.ts';
import { pgliteAsPool } from './pglite-pool.ts';
import { storageStartupError } from './storage-errors.ts';
import type { Tables } from './tables.ts';

/**
 * The embedded engine: PGlite in this process, its files in `dir` (locked against a second process) or in
 * memory. A folder that cannot be created or opened (full disk, read-only, permissions) fails with a
 * message naming it and the cause.
 */
export async function openPglite(options: OpenOptions, clockOffset: string): Promise<Database> {
  const dir = options.pgliteDir;
  let lock: DataDirLock | undefined;
  if (dir) {
    try {
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      lock = lockDataDir(dir);
    } catch (error) {
      throw storageStartupError(dir, error);
    }
  }
  try {
    return await openLocked(options, clockOffset, lock);
  } catch (error) {
    lock?.release();
    throw dir ? storageStartupError(dir, error) : error;
  }
}

async function openLocked(options: OpenOptions, clockOffset: string, lock: DataDirLock | undefined): Promise<Database> {
  const { pgliteDir: dir, pgliteDump: dump, poolWaitMs: waitMs } = options;
  // Loaded only for the embedded engine: a server on PostgreSQL does not carry PGlite (~45 MB resident).
  const [{ PGlite }, { btree_gist }, { pg_trgm }, { unaccent }, { pgliteFolderOptions }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('./pglite-durable.ts'),
  ]);
  const pglite = await PGlite.create({
    ...(dir ? pgliteFolderOptions(PGlite, dir, options.pgliteDurable ?? false, options.onPgliteFsync) : {}),
    ...(dump ? { loadDataDir: dump } : {}),
    extensions: { btree_gist, pg_trgm, unaccent },
    parsers: {
      [INT8]: (v: string) => Number(v),
      [DATE]: (v: string) => v,
      [TIMESTAMPTZ]: toIso,
      [NUMERIC]: (v: string) => Number(v),
    },
  });
  await pglite.exec(`SET TIME ZONE 'UTC'; SET trama.clock_offset = '${clockOffset}'`);
  const pool = pgliteAsPool(pglite, waitMs);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: pool as never }) });
  return {
    engine: 'pglite',
    pglite,
    dataDir: dir,
    db,
    exec: async (sql) => {
      const client = await pool.connect();
      try {
        await client.exec(sql);
      } finally {
        client.release();
      }
    },
    withConnection: async (work) => {
      const client = await pool.connect();
      try {
        // Holding the pool's one connection keeps everyone else out; exec takes scripts of several statements.
        return await work(async (sql) => (await pglite.exec(sql)).at(-1)?.rows ?? []);
      } finally {
        client.release();
      }
    },
    probe: async (sql) => {
      const client = await pool.connect(PROBE_TIMEOUT_MS);
      try {
        return (await client.query(sql)).rows;
      } finally {
        client.release();
      }
    },
    poolWaiting: () => pool.waitingCount,
    close: async () => {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    },
  };
}
