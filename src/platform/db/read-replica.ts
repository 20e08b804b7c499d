import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ConnectionConfig, Database, Db, OpenOptions } from './database.ts';
import { PROBE_TIMEOUT_MS } from './pg-values.ts';
import { refuseMultiHostUrl } from './pooler.ts';
import type { Tables } from './tables.ts';

/** A streaming replica (hot standby) of the primary: read-only, a moment behind. */
export interface ReadReplica {
  db: Db;
  /** Readiness: one short query on a connection of its own, failing within about PROBE_TIMEOUT_MS. */
  probe(sql: string): Promise<unknown[]>;
  close(): Promise<void>;
}

/**
 * Opens the replica's pools without connecting: a replica that is down when Trama starts costs the reports
 * (503, retry) and shows in readiness, but never keeps the server from serving everything else.
 */
export function openReadReplica(url: string, connection: ConnectionConfig, options: OpenOptions): ReadReplica {
  refuseMultiHostUrl(url, 'TRAMA_DATABASE_REPLICA_URL');
  // Read-only even if the URL names a primary by mistake: reports never write, and a write here would
  // escape the access log's transaction on the primary.
  const readOnly = '-c default_transaction_read_only=on';
  const pool = new pg.Pool({
    ...connection(url, { statementMs: options.statementTimeoutMs, lockMs: options.lockTimeoutMs }, readOnly),
    max: options.replicaPoolSize ?? 4,
    ...(options.poolWaitMs ? { connectionTimeoutMillis: options.poolWaitMs } : {}),
  });
  const probePool = new pg.Pool({
    ...connection(url, { statementMs: PROBE_TIMEOUT_MS, lockMs: PROBE_TIMEOUT_MS }, readOnly),
    max: 1,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
  });
  pool.on('error', (error) => options.onConnectionError?.(error));
  probePool.on('error', () => undefined);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    probe: async (sql) => (await probePool.query(sql)).rows as unknown[],
    close: async () => {
      await probePool.end();
      await db.destroy();
    },
  };
}

/** What readiness tells of the replica: information for the operator, never a reason to stop serving. */
export interface ReplicaStatus {
  status: 'ok' | 'unreachable' | 'not-a-standby';
  /** WAL the replica has still to replay, in bytes (the primary's position read first, so never negative). */
  lagBytes: number | null;
  /** Seconds since the last transaction it replayed was committed, 0 when it has replayed all it received. */
  lagSeconds: number | null;
}

/** 'X/Y' (two hexadecimal halves of a 64-bit position) as bytes; exact up to 8 PiB of WAL. */
export const lsnBytes = (lsn: string): number => {
  const [high = '0', low = '0'] = lsn.split('/');
  return Number.parseInt(high, 16) * 2 ** 32 + Number.parseInt(low, 16);
};

/**
 * The replica's lag, read on the probe connections of both servers. The seconds compare the replica's
 * clock with the primary's commit times: a duration between two real instants, so clock_timestamp() and
 * not trama_now() (which TRAMA_NOW moves).
 */
export async function replicaStatus(database: Database): Promise<ReplicaStatus | undefined> {
  const replica = database.readReplica;
  if (!replica) return undefined;
  const unknown = { lagBytes: null, lagSeconds: null };
  let primaryLsn: number | undefined;
  try {
    const [row] = (await database.probe('SELECT pg_current_wal_lsn()::text AS lsn')) as { lsn: string }[];
    primaryLsn = row ? lsnBytes(row.lsn) : undefined;
  } catch {
    // The primary's own check says it is unreachable; the replica is still worth telling about.
  }
  try {
    const [row] = (await replica.probe(`
      SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed,
        CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
             ELSE extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) END::float8 AS seconds`)) as {
      standby: boolean;
      replayed: string | null;
      seconds: number | null;
    }[];
    if (!row?.standby) return { status: 'not-a-standby', ...unknown };
    const lagBytes = primaryLsn === undefined || row.replayed === null ? null : Math.max(0, primaryLsn - lsnBytes(row.replayed));
    return { status: 'ok', lagBytes, lagSeconds: row.seconds === null ? null : Math.max(0, Math.round(row.seconds * 1000) / 1000) };
  } catch {
    return { status: 'unreachable', ...unknown };
  }
}
