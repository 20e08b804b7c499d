import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../../test/support/engine.ts';
import { createServerDatabase } from '../../../test/support/test-database.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { listMigrations, migrate } from '../db/migrate.ts';

const PARTITIONING = '20261207T0600_partition-access-log.sql';

/** Rows spread over months relative to today's month in Italy: 30, 25 and 13 months ago, last month and this one. */
const MONTH_OFFSETS = [-30, -25, -13, -1, 0];

const checksum = async (database: Database) =>
  (await sql<{ n: number; sum: string }>`SELECT count(*)::int AS n, md5(string_agg(l::text, '|' ORDER BY l.id)) AS sum FROM access_log l`.execute(database.db)).rows[0]!;

/** Each row's partition and the month in Italy its `at` belongs to. */
const placements = async (database: Database) =>
  (
    await sql<{ id: number; partition: string; month: string }>`
      SELECT id::int, tableoid::regclass::text AS partition, to_char(at AT TIME ZONE 'Europe/Rome', 'YYYY_MM') AS month FROM access_log ORDER BY id`.execute(database.db)
  ).rows;

const code = (database: Database, statement: string) =>
  database.exec(statement).then(
    () => 'ok',
    (error: unknown) => (error as { code?: string }).code,
  );

describe('the access log partitioned by month', () => {
  let database: Database;
  let before: { n: number; sum: string };
  let lastOldId: number;
  let serverUrl = '';
  const beforeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-migrations-'));

  beforeAll(async () => {
    // A database as it was just before the partitioning: every earlier migration, and a log with history.
    for (const name of listMigrations().filter((name) => name < PARTITIONING)) {
      fs.copyFileSync(path.join(import.meta.dirname, '../../../migrations', name), path.join(beforeDir, name));
    }
    if (testEngine === 'postgres') serverUrl = await createServerDatabase('partition_', false);
    database = testEngine === 'pglite' ? await openDatabase({}) : await openDatabase({ databaseUrl: serverUrl, poolSize: 2 });
    await migrate(database, beforeDir);
    for (const offset of MONTH_OFFSETS) {
      // The first instant of the month in Italy (the day before in UTC) and three more rows later in the month.
      await sql`
        INSERT INTO access_log (at, user_id, role, person_id, municipality_code, record_type, record_id, action, request_id, outcome)
        SELECT (date_trunc('month', trama_today()) + make_interval(months => ${offset}::int))::timestamp AT TIME ZONE 'Europe/Rome' + make_interval(days => d, hours => d),
          gen_random_uuid(), 'social_worker', gen_random_uuid(), '037006', 'person', null, 'read', 'req-' || d, CASE WHEN d = 2 THEN 'refused' ELSE 'allowed' END
        FROM generate_series(0, 3) AS d`.execute(database.db);
    }
    before = await checksum(database);
    lastOldId = (await sql<{ id: number }>`SELECT max(id)::int AS id FROM access_log`.execute(database.db)).rows[0]!.id;
    await migrate(database);
  }, 120_000);
  afterAll(async () => {
    await database.close();
    fs.rmSync(beforeDir, { recursive: true, force: true });
  });

  it('keeps every existing row, with its id and every column, as it was', async () => {
    expect(before.n).toBe(MONTH_OFFSETS.length * 4);
    expect(await checksum(database)).toEqual(before);
  });

  it('puts each row in the partition of its month in Italy, the DEFAULT partition empty', async () => {
    const rows = await placements(database);
    expect(rows).toHaveLength(before.n);
    for (const row of rows) expect(row.partition).toBe(`access_log_${row.month}`);
    expect(new Set(rows.map((row) => row.month)).size).toBe(MONTH_OFFSETS.length);
  });

  it('has the partitions of this month and the next three ready; a new row goes to this month, its id after the old ones', async () => {
    const ahead = await sql<{ name: string }>`
      SELECT access_log_partition_name((date_trunc('month', trama_today()) + make_interval(months => n))::date) AS name
      FROM generate_series(0, 3) AS n WHERE to_regclass(access_log_partition_name((date_trunc('month', trama_today()) + make_interval(months => n))::date)) IS NOT NULL`.execute(database.db);
    expect(ahead.rows).toHaveLength(4);
    const inserted = await sql<{ id: number; partition: string; current: string }>`
      INSERT INTO access_log (user_id, role, record_type, action, request_id) VALUES (gen_random_uuid(), 'admin', 'person', 'read', 'after')
      RETURNING id::int, tableoid::regclass::text AS partition, access_log_partition_name(date_trunc('month', trama_today())::date) AS current`.execute(database.db);
    const row = inserted.rows[0]!;
    expect(row.partition).toBe(row.current);
    expect(row.id).toBeGreaterThan(lastOldId);
  });

  it('still refuses UPDATE, DELETE and TRUNCATE, of the log and of any single partition', async () => {
    const month = (await placements(database))[0]!.partition;
    for (const table of ['access_log', month]) {
      expect(await code(database, `UPDATE ${table} SET purpose = 'x'`), table).toBe('42501');
      expect(await code(database, `DELETE FROM ${table}`), table).toBe('42501');
    }
    // Row triggers meet no row in the empty DEFAULT partition; TRUNCATE is refused on every table.
    for (const table of ['access_log', month, 'access_log_default']) expect(await code(database, `TRUNCATE ${table}`), table).toBe('42501');
    expect((await checksum(database)).n).toBe(before.n + 1);
  });

  it('a row of a month without a partition is kept in DEFAULT, then moved to its month, same id, by access_log_prepare_partitions', async () => {
    const far = await sql<{ id: number; partition: string }>`
      INSERT INTO access_log (at, user_id, role, record_type, action, request_id)
      VALUES ((date_trunc('month', trama_today()) + interval '7 months 3 days')::timestamp AT TIME ZONE 'Europe/Rome', gen_random_uuid(), 'admin', 'person', 'read', 'far')
      RETURNING id::int, tableoid::regclass::text AS partition`.execute(database.db);
    expect(far.rows[0]!.partition).toBe('access_log_default');
    const total = await checksum(database);
    const created = await sql<{ n: number }>`SELECT access_log_prepare_partitions(1) AS n`.execute(database.db);
    expect(created.rows[0]!.n).toBe(1);
    expect(await checksum(database)).toEqual(total);
    const moved = (await placements(database)).find((row) => row.id === far.rows[0]!.id)!;
    expect(moved.partition).toBe(`access_log_${moved.month}`);
    expect(await code(database, 'TRUNCATE access_log_default')).toBe('42501');
    expect(await code(database, `TRUNCATE ${moved.partition}`)).toBe('42501');
  });

  it('refuses a number of months ahead it was not made for', async () => {
    expect(await code(database, 'SELECT access_log_prepare_partitions(25)')).toBe('22023');
    expect(await code(database, 'SELECT access_log_prepare_partitions(-1)')).toBe('22023');
  });

  it.runIf(testEngine === 'postgres')('two servers preparing the same months at once: the second waits, then finds them made', async () => {
    const [first, second] = [new pg.Client({ connectionString: serverUrl }), new pg.Client({ connectionString: serverUrl })];
    await Promise.all([first.connect(), second.connect()]);
    try {
      const pid = (await second.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      await first.query('BEGIN');
      const made = await first.query<{ n: number }>('SELECT access_log_prepare_partitions(12) AS n');
      expect(made.rows[0]!.n).toBeGreaterThan(0);
      const waiting = second.query<{ n: number }>('SELECT access_log_prepare_partitions(12) AS n');
      // Committed only once the second is really waiting for the first.
      while ((await first.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`, [pid])).rowCount === 0);
      await first.query('COMMIT');
      expect((await waiting).rows[0]!.n).toBe(0);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });
});
