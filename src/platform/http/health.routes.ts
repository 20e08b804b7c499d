import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { PUBLIC } from '../access/policy.ts';
import type { Database } from '../db/database.ts';
import { listMigrations } from '../db/migrate.ts';
import { replicaStatus } from '../db/read-replica.ts';
import { isDiskFull } from '../db/storage-errors.ts';
import { clock } from '../time/clock.ts';
import type { App, AppContext } from './feature.ts';
import type { Runtime } from './runtime.ts';

/** After a write fails for a full disk, readiness stays false this long even if a small probe file fits. */
const DISK_FULL_HOLD_MS = 60_000;

const Checks = z.object({
  database: z.enum(['ok', 'unreachable']),
  migrations: z.enum(['ok', 'pending', 'unknown']),
  pool: z.enum(['ok', 'exhausted']),
  storage: z.enum(['ok', 'full', 'unwritable']),
  shutdown: z.enum(['ok', 'draining']),
});
type Checks = z.infer<typeof Checks>;

const Readiness = z.object({
  status: z.enum(['ok', 'unavailable']),
  engine: z.enum(['pglite', 'postgres']),
  database: z.enum(['ok', 'unreachable']),
  pendingMigrations: z.number().int(),
  /** Every check by name: what the operator looks at when readiness is 503. */
  checks: Checks,
  /** Requests waiting for a database connection. */
  poolWaiting: z.number().int(),
  /**
   * The read replica of the reports (TRAMA_DATABASE_REPLICA_URL), when there is one: information, not a
   * check — a replica behind or down costs only the reports (a moment behind, or 503), not the service.
   */
  replica: z
    .object({
      status: z.enum(['ok', 'unreachable', 'not-a-standby']),
      lagBytes: z.number().int().nullable(),
      lagSeconds: z.number().nullable(),
    })
    .optional(),
});

const Liveness = z.object({ status: z.literal('ok') });

/** Migrations read through the probe connection, so readiness never queues behind requests. */
async function databaseCheck(database: Database): Promise<{ reachable: boolean; pending: number }> {
  try {
    const rows = (await database.probe('SELECT name FROM schema_migration')) as { name: string }[];
    const applied = new Set(rows.map((row) => row.name));
    return { reachable: true, pending: listMigrations().filter((name) => !applied.has(name)).length };
  } catch (error) {
    // A database without the ledger answers, but nothing is migrated.
    if ((error as { code?: unknown }).code === '42P01') return { reachable: true, pending: listMigrations().length };
    return { reachable: false, pending: -1 };
  }
}

/** The folders Trama writes files to accept a small file (the embedded engine's data folder, the documents folder). */
async function storageCheck(folders: string[], runtime: Runtime): Promise<Checks['storage']> {
  if (runtime.diskFullAtMs !== undefined && clock.nowMs() - runtime.diskFullAtMs < DISK_FULL_HOLD_MS) return 'full';
  for (const folder of folders) {
    const probe = path.join(folder, `.trama-ready-${String(process.pid)}`);
    try {
      await fs.writeFile(probe, 'ok');
      await fs.rm(probe, { force: true });
    } catch (error) {
      return isDiskFull(error) ? 'full' : 'unwritable';
    }
  }
  return 'ok';
}

/**
 * Liveness (`/health/live`): the process answers; touches no database, so a stuck database never gets a
 * healthy process restarted. Readiness (`/health/ready`, and `/health` as before): database reachable on
 * its own connection, migrations applied, pool not exhausted, storage writable, not shutting down; the
 * read replica's state and lag, if any, told alongside.
 */
export function healthRoutes(app: App, { database, config }: AppContext): void {
  const folders = [...(database.dataDir ? [config.dataDir] : []), ...(config.documentsDir ? [config.documentsDir] : [])];
  const readiness = async (runtime: Runtime) => {
    const [db, storage, replica] = await Promise.all([databaseCheck(database), storageCheck(folders, runtime), replicaStatus(database)]);
    const poolWaiting = database.poolWaiting();
    const checks: Checks = {
      database: db.reachable ? 'ok' : 'unreachable',
      migrations: !db.reachable ? 'unknown' : db.pending === 0 ? 'ok' : 'pending',
      pool: poolWaiting === 0 ? 'ok' : 'exhausted',
      storage,
      shutdown: runtime.shuttingDown ? 'draining' : 'ok',
    };
    const ok = Object.values(checks).every((value) => value === 'ok');
    return { ok, body: { status: ok ? 'ok' : 'unavailable', engine: database.engine, database: checks.database, pendingMigrations: db.pending, checks, poolWaiting, ...(replica ? { replica } : {}) } as const };
  };
  const schema = { tags: ['platform'], response: { 200: Readiness, 503: Readiness } };
  for (const url of ['/health', '/health/ready']) {
    app.get(url, { config: { permission: PUBLIC }, schema }, async (_request, reply) => {
      const { ok, body } = await readiness(app.runtime);
      return reply.status(ok ? 200 : 503).send(body);
    });
  }
  app.get('/health/live', { config: { permission: PUBLIC }, schema: { tags: ['platform'], response: { 200: Liveness } } }, () => ({ status: 'ok' as const }));
}
