import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';

const lockFileOf = (dir: string) => `${dir}.lock`;

// PGlite on a folder, whatever engine the run uses: these are the embedded engine's own guarantees.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-pglite-folder-'));
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const setting = async (database: Awaited<ReturnType<typeof openDatabase>>, name: 'fsync' | 'wal_sync_method') =>
  (await sql<Record<string, string>>`SHOW ${sql.raw(name)}`.execute(database.db)).rows[0]?.[name];

describe('PGlite on a folder', { timeout: 60_000 }, () => {
  it('durable: every acknowledged commit has been synced to the disk', async () => {
    let fsyncs = 0;
    const database = await openDatabase({ pgliteDir: path.join(root, 'durable'), pgliteDurable: true, onPgliteFsync: () => fsyncs++ });
    try {
      expect(await setting(database, 'fsync')).toBe('on');
      await database.exec('CREATE TABLE note (id int PRIMARY KEY)');
      for (let i = 0; i < 20; i++) {
        const before = fsyncs;
        await sql`INSERT INTO note (id) VALUES (${i})`.execute(database.db);
        // The commit's WAL was fsynced before the insert was acknowledged.
        expect(fsyncs).toBeGreaterThan(before);
      }
    } finally {
      await database.close();
    }
  });

  it('not durable (TRAMA_PGLITE_DURABLE=false): PGlite as it comes, fsync off', async () => {
    const database = await openDatabase({ pgliteDir: path.join(root, 'relaxed'), pgliteDurable: false });
    try {
      expect(await setting(database, 'fsync')).toBe('off');
    } finally {
      await database.close();
    }
  });

  it('one process at a time: a second opening of the folder is refused until the first closes', async () => {
    const dir = path.join(root, 'locked');
    const first = await openDatabase({ pgliteDir: dir });
    await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow(/in use by process \d+/);
    await first.close();
    expect(fs.existsSync(lockFileOf(dir))).toBe(false);
    const again = await openDatabase({ pgliteDir: dir });
    await again.close();
  });

  it('a lock left by a process that is gone (crash, killed container) is taken over', async () => {
    const dir = path.join(root, 'stale');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    fs.writeFileSync(lockFileOf(dir), String(gone));
    const database = await openDatabase({ pgliteDir: dir });
    expect(fs.readFileSync(lockFileOf(dir), 'utf8').trim()).toBe(String(process.pid));
    await database.close();
  });
});
