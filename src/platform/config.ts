import path from 'node:path';
import type { Pooler } from './db/pooler.ts';

/** Every setting comes from the environment with a sane default (listed in README.md). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** The tables' owner, for `trama migrate` (TRAMA_MIGRATION_DATABASE_URL); unset: DATABASE_URL. */
  migrationDatabaseUrl: string | undefined;
  /** The role the server connects as, granted what it needs by `trama migrate` (TRAMA_DATABASE_APP_ROLE). */
  appRole: string | undefined;
  dataDir: string;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  idleLockMinutes: number;
  secureCookies: boolean;
  /**
   * Wrong passwords for one username from one address before each further attempt waits (TRAMA_LOGIN_MAX_FAILURES,
   * 5); also the wrong passwords a session may take at unlock or password change before it is ended.
   */
  loginMaxFailures: number;
  /** The longest wait between attempts, in minutes (TRAMA_LOGIN_LOCK_MINUTES, 15); also the window of the per-address ceiling. */
  loginLockMinutes: number;
  /** Failures from one address across all usernames in loginLockMinutes before new usernames wait (TRAMA_LOGIN_ADDRESS_MAX_FAILURES, 100). */
  loginAddressMaxFailures: number;
  /** Password hashes (argon2id) computed at once (TRAMA_PASSWORD_WORKERS, 2: about one per core). */
  passwordWorkers: number;
  /** Password checks waiting for a worker before more are refused with 503 (TRAMA_PASSWORD_QUEUE, 64). */
  passwordQueue: number;
  /** Largest document a user may attach to a case, in bytes (TRAMA_DOCUMENT_MAX_BYTES, 10 MiB). */
  documentMaxBytes: number;
  /** Folder for case documents' bytes (TRAMA_DOCUMENTS_DIR); unset: the bytes are kept in the database. */
  documentsDir: string | undefined;
  /** PGlite syncs every commit to the disk (TRAMA_PGLITE_DURABLE, on unless `false`): see db/pglite-durable.ts. */
  pgliteDurable: boolean;
  /** Server connections in the pool (TRAMA_DB_POOL_MAX, 20). */
  dbPoolMax: number;
  /** Longest a request waits for a free connection before a 503 (TRAMA_DB_POOL_WAIT_MS, 5000). */
  dbPoolWaitMs: number;
  /** PostgreSQL statement_timeout of request connections (TRAMA_DB_STATEMENT_TIMEOUT_MS, 30000; 0: none). */
  dbStatementTimeoutMs: number;
  /** PostgreSQL lock_timeout of request connections (TRAMA_DB_LOCK_TIMEOUT_MS, 5000; 0: none). */
  dbLockTimeoutMs: number;
  /** A streaming replica the aggregate reports read from (TRAMA_DATABASE_REPLICA_URL); unset: they read the primary. */
  databaseReplicaUrl: string | undefined;
  /** Connections to the replica (TRAMA_DB_REPLICA_POOL_MAX, 4). */
  dbReplicaPoolMax: number;
  /** 'pgbouncer' when DATABASE_URL goes through pgbouncer in transaction mode (TRAMA_DB_POOLER, 'none'): see db/pooler.ts. */
  dbPooler: Pooler;
  /**
   * Whether start-up applies pending migrations (TRAMA_MIGRATE_ON_START): yes by default on the embedded
   * engine; with DATABASE_URL no — the schema of a shared server changes only through `trama migrate`.
   */
  migrateOnStart: boolean;
  /** On SIGTERM/SIGINT, how long in-flight requests may take to finish (TRAMA_SHUTDOWN_GRACE_MS, 10000). */
  shutdownGraceMs: number;
  /** Whole months of access log `trama access-log archive` keeps besides the current one (TRAMA_ACCESS_LOG_KEEP_MONTHS, 24; at least 24). */
  accessLogKeepMonths: number;
  /** Monthly access-log partitions made ready ahead of the current month, at start and by `trama access-log` (TRAMA_ACCESS_LOG_MONTHS_AHEAD, 3; 0–24). */
  accessLogMonthsAhead: number;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

/** The embedded database's folder under TRAMA_DATA_DIR. */
export const pgliteDirOf = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'pglite');
function poolerFromEnv(): Pooler {
  const raw = process.env.TRAMA_DB_POOLER;
  if (raw === undefined || raw === '' || raw === 'none') return 'none';
  if (raw === 'pgbouncer') return raw;
  throw new Error(`TRAMA_DB_POOLER must be none or pgbouncer, got "${raw}"`);
}
function boolFromEnv(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new Error(`${name} must be true or false, got "${raw}"`);
  return raw === 'true';
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const databaseUrl = 'databaseUrl' in overrides ? overrides.databaseUrl : process.env.DATABASE_URL || undefined;
  return {
    port: intFromEnv('PORT', 3000),
    host: process.env.HOST ?? '127.0.0.1',
    databaseUrl,
    migrationDatabaseUrl: process.env.TRAMA_MIGRATION_DATABASE_URL || undefined,
    appRole: process.env.TRAMA_DATABASE_APP_ROLE || undefined,
    dataDir: path.resolve(process.env.TRAMA_DATA_DIR ?? './data'),
    logLevel: process.env.LOG_LEVEL ?? 'info',
    sessionIdleMinutes: intFromEnv('TRAMA_SESSION_IDLE_MINUTES', 30),
    sessionMaxHours: intFromEnv('TRAMA_SESSION_MAX_HOURS', 12),
    idleLockMinutes: intFromEnv('TRAMA_IDLE_LOCK_MINUTES', 5),
    secureCookies: process.env.TRAMA_SECURE_COOKIES === 'true',
    loginMaxFailures: intFromEnv('TRAMA_LOGIN_MAX_FAILURES', 5),
    loginLockMinutes: intFromEnv('TRAMA_LOGIN_LOCK_MINUTES', 15),
    loginAddressMaxFailures: intFromEnv('TRAMA_LOGIN_ADDRESS_MAX_FAILURES', 100),
    passwordWorkers: Math.max(1, intFromEnv('TRAMA_PASSWORD_WORKERS', 2)),
    passwordQueue: Math.max(0, intFromEnv('TRAMA_PASSWORD_QUEUE', 64)),
    documentMaxBytes: intFromEnv('TRAMA_DOCUMENT_MAX_BYTES', 10 * 1024 * 1024),
    documentsDir: process.env.TRAMA_DOCUMENTS_DIR ? path.resolve(process.env.TRAMA_DOCUMENTS_DIR) : undefined,
    pgliteDurable: boolFromEnv('TRAMA_PGLITE_DURABLE', true),
    dbPoolMax: intFromEnv('TRAMA_DB_POOL_MAX', 20),
    dbPoolWaitMs: intFromEnv('TRAMA_DB_POOL_WAIT_MS', 5000),
    dbStatementTimeoutMs: intFromEnv('TRAMA_DB_STATEMENT_TIMEOUT_MS', 30_000),
    dbLockTimeoutMs: intFromEnv('TRAMA_DB_LOCK_TIMEOUT_MS', 5000),
    databaseReplicaUrl: process.env.TRAMA_DATABASE_REPLICA_URL || undefined,
    dbReplicaPoolMax: Math.max(1, intFromEnv('TRAMA_DB_REPLICA_POOL_MAX', 4)),
    dbPooler: poolerFromEnv(),
    migrateOnStart: boolFromEnv('TRAMA_MIGRATE_ON_START', databaseUrl === undefined),
    shutdownGraceMs: intFromEnv('TRAMA_SHUTDOWN_GRACE_MS', 10_000),
    accessLogKeepMonths: intFromEnv('TRAMA_ACCESS_LOG_KEEP_MONTHS', 24),
    accessLogMonthsAhead: intFromEnv('TRAMA_ACCESS_LOG_MONTHS_AHEAD', 3),
    ...overrides,
  };
}
