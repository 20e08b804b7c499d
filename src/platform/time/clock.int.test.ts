import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import type { Database } from '../db/database.ts';
import { clock } from './clock.ts';
import { dayInRome } from './rome.ts';

describe('the database keeps Trama’s clock', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('trama_now() is the application’s now and trama_today() its day in Italy, on whatever date the suite runs', async () => {
    const before = clock.nowMs();
    const { rows } = await sql<{ now: string; today: string }>`SELECT trama_now() AS now, trama_today() AS today`.execute(database.db);
    const after = clock.nowMs();
    const at = Date.parse(rows[0]!.now);
    // The transaction's start: at most the query's round trip away, never seconds.
    expect(at).toBeGreaterThanOrEqual(before - 1_000);
    expect(at).toBeLessThanOrEqual(after + 1_000);
    expect(rows[0]!.today).toBe(dayInRome(new Date(at)));
  });

  // The pattern names the functions it looks for, which the linter otherwise refuses in SQL.
  /* eslint-disable no-restricted-syntax */
  it('no column default and no function reads the machine’s time around it', async () => {
    const defaults = await sql<{ name: string }>`
      SELECT table_name || '.' || column_name AS name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> 'schema_migration'
        AND column_default ~* '(^|[^_a-z])(now\\(|current_date|current_timestamp|localtimestamp|clock_timestamp|statement_timestamp|transaction_timestamp)'`.execute(database.db);
    expect(defaults.rows.map((row) => row.name)).toEqual([]);
    const functions = await sql<{ name: string }>`
      SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = current_schema() AND p.proname <> 'trama_now' AND p.prolang <> (SELECT oid FROM pg_language WHERE lanname = 'c')
        AND p.prosrc ~* '(^|[^_a-z])(now\\(|current_date|current_timestamp|localtimestamp|clock_timestamp|statement_timestamp|transaction_timestamp)'`.execute(database.db);
    expect(functions.rows.map((row) => row.name)).toEqual([]);
  });
  /* eslint-enable no-restricted-syntax */
});
