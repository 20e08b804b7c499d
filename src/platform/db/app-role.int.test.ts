import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, prepareDatabase } from '../../app.ts';
import { loadConfig } from '../config.ts';
import { postgresTemplateName, serverUrl, testEngine, databaseUrl } from '../../../test/support/engine.ts';
import { login } from '../../../test/support/test-app.ts';
import { excessPrivileges, grantApplicationRole } from './app-role.ts';
import { openDatabase, type Database } from './database.ts';

async function asServerAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The error code PostgreSQL answers a statement with, or 'ok'. */
const outcome = (database: Database, statement: string) =>
  database.exec(statement).then(
    () => 'ok',
    (error: unknown) => (error as { code?: string }).code,
  );

describe.runIf(testEngine === 'postgres')('the server as a least-privilege database role', () => {
  const suffix = randomBytes(4).toString('hex');
  const name = `${postgresTemplateName}_role_${suffix}`;
  const role = `trama_app_${suffix}`;
  let owner: Database;
  let app: Database;

  beforeAll(async () => {
    await asServerAdmin(async (client) => {
      await client.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName}`);
      await client.query(`CREATE ROLE ${role} LOGIN`);
    });
    const url = new URL(databaseUrl(name));
    url.username = role;
    // As the README says: `trama migrate` as the owner, naming the role the server will connect as.
    const migrated = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'migrate'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: url.toString(), TRAMA_MIGRATION_DATABASE_URL: databaseUrl(name), TRAMA_DATABASE_APP_ROLE: role },
    });
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain('application role granted');
    owner = await openDatabase({ databaseUrl: databaseUrl(name), poolSize: 2 });
    app = await openDatabase({ databaseUrl: url.toString(), poolSize: 3 });
  }, 180_000);
  afterAll(async () => {
    await app.close();
    await owner.close();
    await asServerAdmin(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`DROP ROLE IF EXISTS ${role}`);
    });
  });

  it('cannot rewrite the access log, disable its triggers, leave replication checks or change the schema', async () => {
    expect(await outcome(app, `UPDATE access_log SET purpose = 'x'`)).toBe('42501');
    expect(await outcome(app, 'DELETE FROM access_log')).toBe('42501');
    expect(await outcome(app, 'TRUNCATE access_log')).toBe('42501');
    expect(await outcome(app, 'DELETE FROM admin_log')).toBe('42501');
    expect(await outcome(app, 'ALTER TABLE access_log DISABLE TRIGGER ALL')).toBe('42501');
    expect(await outcome(app, 'SET session_replication_role = replica')).toBe('42501');
    expect(await outcome(app, 'CREATE TABLE intruder (id int)')).toBe('42501');
    expect(await outcome(app, 'DROP TABLE person CASCADE')).toBe('42501');
    // A month of the log is no back door: its partitions are the owner's, reached only through access_log.
    const month = (await sql<{ name: string }>`SELECT access_log_partition_name(date_trunc('month', trama_today())::date) AS name`.execute(app.db)).rows[0]!.name;
    for (const table of [month, 'access_log_default']) {
      const privileges = await sql<{ any: boolean }>`SELECT has_table_privilege(current_user, ${table}, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE') AS any`.execute(app.db);
      expect(privileges.rows[0]!.any, table).toBe(false);
      expect(await outcome(app, `UPDATE ${table} SET purpose = 'x'`), table).toBe('42501');
      expect(await outcome(app, `DELETE FROM ${table}`), table).toBe('42501');
      expect(await outcome(app, `TRUNCATE ${table}`), table).toBe('42501');
      expect(await outcome(app, `ALTER TABLE access_log DETACH PARTITION ${table}`), table).toBe('42501');
      expect(await outcome(app, `DROP TABLE ${table}`), table).toBe('42501');
    }
    // The owner's function gives it the months ahead, and nothing more.
    expect(await outcome(app, 'SELECT access_log_prepare_partitions(6)')).toBe('ok');
    expect(await outcome(app, `SELECT access_log_add_months(ARRAY['2001-01-01'::date])`)).toBe('42501');
    const sixAhead = await sql<{ owner: string }>`
      SELECT pg_get_userbyid(c.relowner) AS owner FROM pg_class c
      WHERE c.relname = access_log_partition_name((date_trunc('month', trama_today()) + interval '6 months')::date)`.execute(app.db);
    expect(sixAhead.rows).toEqual([{ owner: 'postgres' }]);
    // The owner could: the difference is the role, not the triggers alone.
    expect(await outcome(owner, 'ALTER TABLE access_log DISABLE TRIGGER access_log_no_update_delete')).toBe('ok');
    expect(await outcome(owner, 'ALTER TABLE access_log ENABLE TRIGGER access_log_no_update_delete')).toBe('ok');
    expect(await excessPrivileges(app)).toEqual([]);
    expect(await excessPrivileges(owner)).toEqual(['superuser', 'owner of the tables']);
  });

  it('refuses a role name it would have to quote, and the embedded engine', async () => {
    await expect(grantApplicationRole(owner, 'app; DROP TABLE person')).rejects.toThrow(/plain PostgreSQL role name/);
    const embedded = await openDatabase({});
    try {
      await expect(grantApplicationRole(embedded, 'trama_app')).rejects.toThrow(/embedded database/);
    } finally {
      await embedded.close();
    }
  });

  it('starts and runs the whole application: sign-in, a search that writes the access log, a new person', async () => {
    const config = loadConfig({ databaseUrl: databaseUrl(name) });
    // The start-up path of `trama serve`: nothing to migrate, the features' reference data checked.
    expect(await prepareDatabase({ database: app, config })).toEqual([]);
    const server = await createApp({ database: app, config }, { logger: false });
    await server.ready();
    try {
      const desk = await login(server, 'sportello');
      const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM access_log`.execute(app.db)).rows[0]!.n;
      const search = await desk.request('GET', '/api/persons?q=Rossi');
      expect(search.statusCode).toBe(200);
      const created = await desk.request('POST', '/api/persons', { person: { familyName: 'Ruolo', givenName: 'Minimo', municipalityCode: '037019', preferredLanguage: 'it' } });
      expect(created.statusCode, created.body).toBe(200);
      const after = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM access_log`.execute(app.db)).rows[0]!.n;
      expect(after).toBeGreaterThan(before);
    } finally {
      await server.close();
    }
  });
});
