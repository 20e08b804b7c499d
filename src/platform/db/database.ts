import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { clock } from '../time/clock.ts';
import { pgliteAsPool } from './pglite-pool.ts';
import { usePreparedStatements } from './prepared-statements.ts';
import type { Tables } from './tables.ts';

export type Engine = 'pglite' | 'postgres';
export type Db = Kysely<Tables>;

export interface Database {
  engine: Engine;
  /** The PGlite instance, for dumping a test template; undefined on a PostgreSQL server. */
  pglite?: PGlite;
  db: Db;
  /** Runs a script of several statements (migrations); no parameters. */
  exec(sql: string): Promise<void>;
  /** Runs `work` on one connection held for its whole length (session-level locks, scripts with ROLLBACK). */
  withConnection<T>(work: (exec: (sql: string) => Promise<unknown[]>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Both engines hand the same JS values back: dates as 'YYYY-MM-DD', instants as ISO strings, bigints as numbers. */
const toIso = (value: string) => new Date(value).toISOString();
const { INT8, DATE, TIMESTAMPTZ, NUMERIC } = pg.types.builtins;

let pgParsersSet = false;
function setPgParsers(): void {
  if (pgParsersSet) return;
  pg.types.setTypeParser(INT8, (v) => Number(v));
  pg.types.setTypeParser(DATE, (v) => v);
  pg.types.setTypeParser(TIMESTAMPTZ, toIso);
  pg.types.setTypeParser(NUMERIC, (v) => Number(v));
  pgParsersSet = true;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; undefined keeps the database in memory (tests). */
  pgliteDir?: string | undefined;
  /** A PGlite dump (`dumpDataDir`) to start from: tests load a migrated template instead of migrating. */
  pgliteDump?: Blob | undefined;
  /** Every commit on the disk before it is acknowledged (TRAMA_PGLITE_DURABLE, see pglite-durable.ts). */
  pgliteDurable?: boolean | undefined;
  /** Told of each fsync of a durable PGlite folder: lets a test see that writes reach the disk. */
  onPgliteFsync?: () => void;
  poolSize?: number;
  /** Where the database's clock (trama_now()) stands from the machine's, in ms; Trama's clock by default. */
  clockOffsetMs?: number;
  /** Told when an idle server connection breaks (terminated, failover, network): the pool replaces it. */
  onConnectionError?: (error: Error) => void;
}

/**
 * The connection setting that puts the database on Trama's clock (`trama_now()`, migration
 * 20261207T0100): seconds from the machine's time, 0 unless TRAMA_NOW is set.
 */
const clockOffsetSeconds = (offsetMs = clock.offsetMs()) => (offsetMs / 1000).toFixed(3);

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const offset = clockOffsetSeconds(options.clockOffsetMs);
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 20, offset, options.onConnectionError);
  return openPglite(options, offset);
}

async function openPostgres(connectionString: string, max: number, clockOffset: string, onConnectionError?: (error: Error) => void): Promise<Database> {
  setPgParsers();
  const pool = new pg.Pool({ connectionString, max, options: `-c TimeZone=UTC -c trama.clock_offset=${clockOffset}` });
  // Without a listener, an idle client's broken connection is an unhandled 'error' that ends the process;
  // with one, the pool drops that client and opens a new one for the next query.
  pool.on('error', (error) => onConnectionError?.(error));
  usePreparedStatements(pool);
  // Fail fast with a clear message rather than on the first request.
  const client = await pool.connect();
  client.release();
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    db,
    exec: async (sql) => {
      await pool.query(sql);
    },
    withConnection: async (work) => {
      const held = await pool.connect();
      try {
        return await work(async (sql) => {
          const result: unknown = await held.query(sql);
          // A script of several statements answers one result per statement: the last one's rows.
          const last = (Array.isArray(result) ? result.at(-1) : result) as { rows?: unknown[] } | undefined;
          return last?.rows ?? [];
        });
      } finally {
        held.release();
      }
    },
    close: () => db.destroy(),
  };
}

async function openPglite(options: OpenOptions, clockOffset: string): Promise<Database> {
  const { pgliteDir: dir, pgliteDump: dump } = options;
  if (dir) fs.mkdirSync(path.dirname(dir), { recursive: true });
  // Loaded only for the embedded engine: a server on PostgreSQL does not carry PGlite (~45 MB resident).
  const [{ PGlite }, { btree_gist }, { pg_trgm }, { unaccent }, { pgliteFolderOptions }, { lockDataFolder }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('./pglite-durable.ts'),
    import('./pglite-lock.ts'),
  ]);
  const unlock = dir ? lockDataFolder(dir) : () => undefined;
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
  }).catch((error: unknown) => {
    unlock();
    throw error;
  });
  await pglite.exec(`SET TIME ZONE 'UTC'; SET trama.clock_offset = '${clockOffset}'`);
  const pool = pgliteAsPool(pglite);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: pool as never }) });
  return {
    engine: 'pglite',
    pglite,
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
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}
