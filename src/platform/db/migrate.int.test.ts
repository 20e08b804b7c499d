import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { databaseUrl, serverUrl, testEngine } from '../../../test/support/engine.ts';
import { openDatabase } from './database.ts';
import { listMigrations, migrate } from './migrate.ts';

async function withEmptyServerDatabase(work: (url: string) => Promise<void>): Promise<void> {
  const name = `trama_migrate_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    await work(databaseUrl(name));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

describe('migrations', () => {
  it.runIf(testEngine === 'postgres')('two servers starting together on an empty database apply each migration once, and both start', { timeout: 120_000 }, async () => {
    await withEmptyServerDatabase(async (url) => {
      const [a, b] = await Promise.all([openDatabase({ databaseUrl: url, poolSize: 2 }), openDatabase({ databaseUrl: url, poolSize: 2 })]);
      try {
        const [first, second] = await Promise.all([migrate(a), migrate(b)]);
        expect([...first, ...second].sort()).toEqual(listMigrations());
        const [ledger] = await a.withConnection((exec) => exec('SELECT count(*)::int AS n, count(DISTINCT name)::int AS names FROM schema_migration'));
        expect(ledger).toEqual({ n: listMigrations().length, names: listMigrations().length });
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });

  it('a second run finds nothing left to apply', { timeout: 120_000 }, async () => {
    const database = await openDatabase({});
    try {
      expect(await migrate(database)).toEqual(listMigrations());
      expect(await migrate(database)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
