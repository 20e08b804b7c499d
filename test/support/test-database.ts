import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { prepareDatabase } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase, type Database, type OpenOptions } from '../../src/platform/db/database.ts';
import { databaseUrl, onServer, pgliteTemplateFile, postgresTemplateName, serverUrl, testEngine } from './engine.ts';
import { waitForReplay } from './replica.ts';

/** Creates a database on the server named after the run's template (dropped with it at the end); its URL. */
export async function createServerDatabase(suffix: string, fromTemplate: boolean): Promise<string> {
  const name = `${postgresTemplateName}_${suffix}${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${fromTemplate ? ` TEMPLATE ${postgresTemplateName}` : ''}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

/**
 * A database of its own for one test file, copied from the run's migrated and seeded template; `options`
 * set the pool and timeouts (operations tests).
 */
export async function openTestDatabase(
  options: Pick<OpenOptions, 'poolSize' | 'poolWaitMs' | 'statementTimeoutMs' | 'lockTimeoutMs' | 'pooler'> & {
    /** A server holding a replica of the test server: the database opens with its copy there as the read replica. */
    replicaServer?: string;
    /** Open without waiting for the replica to hold the new database (a replica that cannot be reached). */
    skipReplayWait?: boolean;
    /** Where the application connects instead of the test server (pgbouncer in front of it): the database's name is kept. */
    through?: string;
  } = {},
): Promise<Database> {
  const { replicaServer, skipReplayWait, through, ...open } = options;
  if (testEngine === 'pglite') {
    const dump = new Blob([fs.readFileSync(pgliteTemplateFile)]);
    return openDatabase({ pgliteDump: dump, poolWaitMs: open.poolWaitMs });
  }
  const url = await createServerDatabase('', true);
  const replicaUrl = replicaServer ? onServer(url, replicaServer) : undefined;
  // The new database exists on the replica once the replica has replayed its creation.
  if (replicaUrl && !skipReplayWait) await waitForReplay(url, replicaUrl);
  return openDatabase({ databaseUrl: through ? onServer(url, through) : url, replicaUrl, poolSize: 5, ...open });
}

/** An empty database on the server (no migration applied): its URL, for a process started by the test. */
export function createEmptyServerDatabase(): Promise<string> {
  return createServerDatabase('empty_', false);
}

/** A copy of the run's template on the server, for a real server process started by the test: its URL. */
export function createTemplateServerDatabase(): Promise<string> {
  return createServerDatabase('', true);
}

/**
 * An empty database of its own, migrated, whose clock (trama_now()) stands `clockOffsetMs` from the
 * machine's: for seeding the demo "on" another date.
 */
export async function openFreshDatabase(clockOffsetMs: number): Promise<Database> {
  const config = loadConfig({ databaseUrl: undefined });
  if (testEngine === 'pglite') {
    const database = await openDatabase({ clockOffsetMs });
    await prepareDatabase({ database, config });
    return database;
  }
  const database = await openDatabase({ databaseUrl: await createServerDatabase('fresh_', false), poolSize: 2, clockOffsetMs });
  await prepareDatabase({ database, config });
  return database;
}
