import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { clock } from '../time/clock.ts';
import { DATE, INT8, NUMERIC, PROBE_TIMEOUT_MS, TIMESTAMPTZ, toIso } from './pg-values.ts';
import { openPglite } from './pglite-database.ts';
import { checkPoolerSession, refuseClockThroughPooler, refuseMultiHostUrl, type Pooler } from './pooler.ts';
import { usePreparedStatements } from './prepared-statements.ts';
import { openReadReplica, type ReadReplica } from './read-replica.ts';
import { StartupError } from './storage-errors.ts';
import type { Tables } from './tables.ts';

export type Engine = 'pglite' | 'postgres';
export type Db = Kysely<Tables>;

export interface Database {
  engine: Engine;
  /** The PGlite instance, for dumping a test template; undefined on a PostgreSQL server. */
  pglite?: PGlite;
  /** PGlite's data folder; undefined on a server or in memory. Readiness checks it is writable. */
  dataDir?: string | undefined;
  db: Db;
  /** Runs a script of several statements (migrations); no parameters. */
  exec(sql: string): Promise<void>;
  /** Runs `work` on one connection held for its whole length (session-level locks, scripts with ROLLBACK). */
  withConnection<T>(work: (exec: (sql: string) => Promise<unknown[]>) => Promise<T>): Promise<T>;
  /**
   * Readiness: one short query that never queues behind the requests (a dedicated connection on a server;
   * on PGlite a short wait for its one connection), failing within about PROBE_TIMEOUT_MS.
   */
  probe(sql: string): Promise<unknown[]>;
  /** Requests waiting for a connection right now: the pool is exhausted when it is not zero. */
  poolWaiting(): number;
  /** A streaming replica for the aggregate reports (TRAMA_DATABASE_REPLICA_URL): see reportsDb. */
  readReplica?: ReadReplica;
  close(): Promise<void>;
}

/**
 * Where aggregate reports and dashboards read: the replica when there is one, else the primary. Only for
 * reads that return no personal data — those write the access log in their own transaction, so they stay on
 * the primary — and that may be a moment behind (the replica's lag is in readiness).
 */
export const reportsDb = (database: Pick<Database, 'db' | 'readReplica'>): Db => database.readReplica?.db ?? database.db;

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
  /** Folder for PGlite's files; undefined keeps the database in memory (tests). Locked while open. */
  pgliteDir?: string | undefined;
  /** A PGlite dump (`dumpDataDir`) to start from: tests load a migrated template instead of migrating. */
  pgliteDump?: Blob | undefined;
  /** Every commit on the disk before it is acknowledged (TRAMA_PGLITE_DURABLE, see pglite-durable.ts). */
  pgliteDurable?: boolean | undefined;
  /** Told of each fsync of a durable PGlite folder: lets a test see that writes reach the disk. */
  onPgliteFsync?: () => void;
  poolSize?: number | undefined;
  /** Longest a request waits for a free connection (ms) before a 503; unset: forever. */
  poolWaitMs?: number | undefined;
  /** Server only: PostgreSQL's statement_timeout and lock_timeout for every pooled connection (ms); 0 or unset: none. */
  statementTimeoutMs?: number | undefined;
  lockTimeoutMs?: number | undefined;
  /** Where the database's clock (trama_now()) stands from the machine's, in ms; Trama's clock by default. */
  clockOffsetMs?: number;
  /** Told when an idle server connection breaks (terminated, failover, network): the pool replaces it. */
  onConnectionError?: (error: Error) => void;
  /** Server only: a streaming replica of the database, read by the aggregate reports (TRAMA_DATABASE_REPLICA_URL). */
  replicaUrl?: string | undefined;
  /** Connections to the replica (TRAMA_DB_REPLICA_POOL_MAX, 4): only reports use them. */
  replicaPoolSize?: number | undefined;
  /** 'pgbouncer': connections go through pgbouncer in transaction mode (TRAMA_DB_POOLER), see pooler.ts. */
  pooler?: Pooler | undefined;
}

/**
 * The connection setting that puts the database on Trama's clock (`trama_now()`, migration
 * 20261207T0100): seconds from the machine's time, 0 unless TRAMA_NOW is set.
 */
const clockOffsetSeconds = (offsetMs = clock.offsetMs()) => (offsetMs / 1000).toFixed(3);

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const offset = clockOffsetSeconds(options.clockOffsetMs);
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options, offset);
  if (options.replicaUrl) {
    throw new StartupError({
      it: 'TRAMA_DATABASE_REPLICA_URL richiede un server PostgreSQL (DATABASE_URL): il database integrato non ha repliche.',
      en: 'TRAMA_DATABASE_REPLICA_URL needs a PostgreSQL server (DATABASE_URL): the embedded database has no replicas.',
    });
  }
  return openPglite(options, offset);
}

/** Startup parameters of a connection: UTC, Trama's clock, and the timeouts that keep one stuck row from holding every connection. */
function connectionOptions(clockOffset: string, statementTimeoutMs = 0, lockTimeoutMs = 0): string {
  const ms = (value: number) => String(Math.max(0, Math.trunc(value)));
  return `-c TimeZone=UTC -c trama.clock_offset=${clockOffset} -c statement_timeout=${ms(statementTimeoutMs)} -c lock_timeout=${ms(lockTimeoutMs)}`;
}

/** How a pool connects: `extra` adds startup options; through pgbouncer there are none (the role's settings apply, see pooler.ts). */
export type ConnectionConfig = (connectionString: string, timeouts: { statementMs?: number | undefined; lockMs?: number | undefined }, extra?: string) => pg.PoolConfig;

async function openPostgres(connectionString: string, options: OpenOptions, clockOffset: string): Promise<Database> {
  setPgParsers();
  refuseMultiHostUrl(connectionString, 'DATABASE_URL');
  if (options.pooler === 'pgbouncer') refuseClockThroughPooler(clockOffset);
  const connection: ConnectionConfig = (url, timeouts, extra) =>
    options.pooler === 'pgbouncer'
      ? { connectionString: url }
      : { connectionString: url, options: [connectionOptions(clockOffset, timeouts.statementMs, timeouts.lockMs), extra].filter(Boolean).join(' ') };
  const pool = new pg.Pool({
    ...connection(connectionString, { statementMs: options.statementTimeoutMs, lockMs: options.lockTimeoutMs }),
    max: options.poolSize ?? 20,
    ...(options.poolWaitMs ? { connectionTimeoutMillis: options.poolWaitMs } : {}),
  });
  // Readiness has a connection of its own: it answers even when every pooled one is taken. Through pgbouncer
  // the statement cannot carry a server-side timeout: the client gives up after as long.
  const probePool = new pg.Pool({
    ...connection(connectionString, { statementMs: PROBE_TIMEOUT_MS, lockMs: PROBE_TIMEOUT_MS }),
    max: 1,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    ...(options.pooler === 'pgbouncer' ? { query_timeout: PROBE_TIMEOUT_MS } : {}),
  });
  // Without a listener, an idle client's broken connection is an unhandled 'error' that ends the process;
  // with one, the pool drops that client and opens a new one for the next query.
  pool.on('error', (error) => options.onConnectionError?.(error));
  probePool.on('error', () => undefined);
  // pgbouncer in transaction mode hands each transaction to any server connection: a statement prepared on
  // one is unknown on the next (pgbouncer 1.21 and later can track them; Debian bookworm ships 1.18).
  if (options.pooler !== 'pgbouncer') usePreparedStatements(pool);
  // Fail fast with a clear message rather than on the first request.
  try {
    const client = await pool.connect();
    try {
      if (options.pooler === 'pgbouncer') await checkPoolerSession(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await Promise.all([pool.end(), probePool.end()]);
    throw error;
  }
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const readReplica = options.replicaUrl ? openReadReplica(options.replicaUrl, connection, options) : undefined;
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
    probe: async (sql) => (await probePool.query(sql)).rows as unknown[],
    poolWaiting: () => pool.waitingCount,
    ...(readReplica ? { readReplica } : {}),
    close: async () => {
      await readReplica?.close();
      await probePool.end();
      await db.destroy();
    },
  };
}
