import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { onServer, testEngine } from '../../../test/support/engine.ts';
import { runTrama } from '../../../test/support/cli-process.ts';
import { pgbouncerBinary, startPgbouncer, type Pgbouncer } from '../../../test/support/pgbouncer.ts';
import { createTemplateServerDatabase } from '../../../test/support/test-database.ts';
import { login } from '../../../test/support/test-app.ts';
import { loadConfig } from '../config.ts';
import { clock } from '../time/clock.ts';
import { openDatabase } from './database.ts';

const isCi = process.env.CI === 'true' || process.env.CI === '1';

/** A copy of the demo database whose server default is not UTC, as many installations' are. */
async function databaseInRome(): Promise<string> {
  const url = await createTemplateServerDatabase();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE "${new URL(url).pathname.slice(1)}" SET TimeZone = 'Europe/Rome'`);
  } finally {
    await admin.end();
  }
  return url;
}

async function accessLogRows(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM access_log')).rows[0]!.n;
  } finally {
    await client.end();
  }
}

// Locally without pgbouncer these tests are skipped; in CI (which installs it) they must run.
describe.runIf(testEngine === 'postgres' && (pgbouncerBinary !== undefined || isCi))('through pgbouncer in transaction mode', () => {
  let bouncer: Pgbouncer;
  beforeAll(async () => {
    bouncer = await startPgbouncer();
  });
  afterAll(() => bouncer.stop());

  it('without TRAMA_DB_POOLER the connections are refused: pgbouncer takes no startup options', async () => {
    const direct = await createTemplateServerDatabase();
    await expect(openDatabase({ databaseUrl: onServer(direct, bouncer.url), poolSize: 2 })).rejects.toThrow(/unsupported startup parameter: options/);
  });

  it('with TRAMA_DB_POOLER=pgbouncer a database not in UTC is refused at start, naming what to run', async () => {
    const direct = await databaseInRome();
    const opening = openDatabase({ databaseUrl: onServer(direct, bouncer.url), pooler: 'pgbouncer', poolSize: 2, clockOffsetMs: 0 });
    await expect(opening).rejects.toMatchObject({ name: 'StartupError', bilingual: { en: expect.stringContaining('"npx trama migrate" with TRAMA_DB_POOLER=pgbouncer') } });
  });

  it('refuses `trama migrate` through pgbouncer: migrations need TRAMA_MIGRATION_DATABASE_URL, a direct connection', () => {
    const { status, out } = runTrama({ DATABASE_URL: bouncer.url, TRAMA_DB_POOLER: 'pgbouncer', TRAMA_MIGRATION_DATABASE_URL: '' }, 'migrate');
    expect(status).toBe(1);
    expect(out).toContain('set TRAMA_MIGRATION_DATABASE_URL to PostgreSQL');
  });

  // Trama's clock reaches the database per connection, which pgbouncer cannot carry (refused: pooler.test.ts).
  it.skipIf(clock.offsetMs() !== 0)('after `trama migrate` sets the role’s settings, Trama signs in, searches (access log) and writes through it', async () => {
    const direct = await databaseInRome();
    const throughBouncer = onServer(direct, bouncer.url);
    const migrated = runTrama({ DATABASE_URL: throughBouncer, TRAMA_MIGRATION_DATABASE_URL: direct, TRAMA_DB_POOLER: 'pgbouncer', TRAMA_DB_STATEMENT_TIMEOUT_MS: '20000', LOG_LEVEL: 'info' }, 'migrate');
    expect(migrated.status, migrated.out).toBe(0);
    expect(migrated.out).toContain('role settings for connections through pgbouncer applied');

    const database = await openDatabase({ databaseUrl: throughBouncer, pooler: 'pgbouncer', poolSize: 6 });
    const app = await createApp({ database, config: loadConfig({ databaseUrl: throughBouncer, dbPooler: 'pgbouncer' }) }, { logger: false });
    try {
      await app.ready();
      // The settings a direct connection sends at start-up, now the role's in this database.
      const session = (await sql<{ zone: string; timeout: string }>`SELECT current_setting('TimeZone') AS zone, current_setting('statement_timeout') AS timeout`.execute(database.db)).rows[0]!;
      expect(session).toEqual({ zone: 'UTC', timeout: '20s' });
      const desk = await login(app, 'sportello');
      const logged = await accessLogRows(direct);
      // Searches at once (pgbouncer opens both its server connections), then the same query shapes one after
      // the other on whichever server connection comes next: a named prepared statement would be missing there.
      const burst = await Promise.all(['Rossi', 'Bianchi', 'Ferrari', 'Russo', 'Romano', 'Colombo'].map((q) => desk.request('GET', `/api/persons?q=${q}`)));
      expect(burst.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
      for (const q of ['Rossi', 'Bianchi', 'Rossi', 'Ferrari', 'Rossi', 'Bianchi']) {
        const search = await desk.request('GET', `/api/persons?q=${q}`);
        expect(search.statusCode, search.body).toBe(200);
      }
      expect(await accessLogRows(direct)).toBeGreaterThan(logged);
      const created = await desk.json<{ id: string; familyName: string }>('POST', '/api/persons', {
        person: { familyName: 'Pgbouncer', givenName: 'Prova', municipalityCode: '037019', preferredLanguage: 'it' },
      });
      expect(created.status).toBe(200);
      const read = await desk.json<{ familyName: string }>('GET', `/api/persons/${created.body.id}`);
      expect(read).toMatchObject({ status: 200, body: { familyName: 'Pgbouncer' } });
      expect((await app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
