import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase } from '../../../test/support/test-database.ts';
import { pgliteTemplateFile, serverUrl, testEngine } from '../../../test/support/engine.ts';
import { openDatabase } from '../db/database.ts';

/**
 * The operator's round trip with the real command line: back up the seeded demo and a document file,
 * wipe the database and the documents folder, restore, and find every table and the file identical.
 */

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-backup-test-'));
const dataDir = path.join(root, 'data');
const documentsDir = path.join(root, 'documents');
const documentName = '6f1c2a10-0000-4000-8000-00000000d0c5';
const documentBytes = Buffer.from('%PDF-1.4 verbale UVM — contenuto di prova\n');
let databaseUrl = '';

function trama(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, TRAMA_DATA_DIR: dataDir, TRAMA_DOCUMENTS_DIR: documentsDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** A database connection for the length of `work` (PGlite's folder admits one process: closed before the CLI runs). */
async function withDatabase<T>(work: (query: Query) => Promise<T>): Promise<T> {
  if (testEngine === 'postgres') {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return await work(async (text) => (await client.query<Record<string, unknown>>(text)).rows);
    } finally {
      await client.end();
    }
  }
  const database = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
  try {
    return await work(async (text) => (await sql.raw<Record<string, unknown>>(text).execute(database.db)).rows);
  } finally {
    await database.close();
  }
}

/** Per table: rows and a sha256 of all of them in a fixed order, computed by the database. */
const tableChecksums = () =>
  withDatabase(async (query) => {
    const tables = await query(`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
    const sums: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await query(`SELECT count(*) AS n, encode(sha256(convert_to(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''), 'UTF8')), 'hex') AS sum
        FROM public."${String(name)}" t`);
      sums[String(name)] = `${String(row?.n)} ${String(row?.sum)}`;
    }
    return sums;
  });

/** Drops the database (or deletes the folder) and the documents: what a lost disk leaves. */
async function wipe(): Promise<void> {
  fs.rmSync(documentsDir, { recursive: true, force: true });
  if (testEngine === 'pglite') {
    fs.rmSync(path.join(dataDir, 'pglite'), { recursive: true, force: true });
    return;
  }
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

describe(`backup and restore on ${testEngine}`, { timeout: 300_000 }, () => {
  let before: Record<string, string>;
  const archive = path.join(root, 'trama.backup');

  beforeAll(async () => {
    // The migrated and seeded demo of the run (120 persons, cases, plans, the access log).
    if (testEngine === 'postgres') databaseUrl = await createServerDatabase('backup_', true);
    else {
      const seeded = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite'), pgliteDump: new Blob([fs.readFileSync(pgliteTemplateFile)]) });
      await seeded.close();
    }
    fs.mkdirSync(documentsDir, { recursive: true });
    fs.writeFileSync(path.join(documentsDir, documentName), documentBytes);
    before = await tableChecksums();
  });
  afterAll(async () => {
    fs.rmSync(root, { recursive: true, force: true });
    if (testEngine === 'postgres') {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${new URL(databaseUrl).pathname.slice(1)} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('backup → wipe → restore gives back every table row for row and the document file', async () => {
    expect(Object.keys(before).length).toBeGreaterThan(40);
    expect(before.person).toMatch(/^[1-9]\d* /);
    const backup = trama('backup', archive);
    expect(backup.out).toBe('');
    expect(backup.status).toBe(0);

    await wipe();
    const restore = trama('restore', archive);
    expect(restore.out).toBe('');
    expect(restore.status).toBe(0);

    expect(await tableChecksums()).toEqual(before);
    expect(fs.readFileSync(path.join(documentsDir, documentName))).toEqual(documentBytes);
  });

  it('restoring over data needs --force; a second backup to the same file is refused', async () => {
    const refused = trama('restore', archive);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain('Run again with --force');
    expect(refused.out).toContain('Ripetere con --force');
    expect(trama('backup', archive)).toMatchObject({ status: 1, out: expect.stringContaining('already exists') });

    expect(trama('restore', '--force', archive).status).toBe(0);
    expect(await tableChecksums()).toEqual(before);
  });

  it('a tampered or truncated archive is refused before anything is touched', async () => {
    const bytes = fs.readFileSync(archive);
    const tampered = Buffer.from(bytes);
    // A byte inside the database dump (the manifest is the first 1–2 KiB, the dump follows).
    const at = Math.floor(bytes.length / 2);
    tampered[at] = tampered[at]! ^ 0xff;
    fs.writeFileSync(path.join(root, 'tampered.backup'), tampered);
    fs.writeFileSync(path.join(root, 'truncated.backup'), bytes.subarray(0, Math.floor(bytes.length * 0.7)));

    const corrupt = trama('restore', '--force', path.join(root, 'tampered.backup'));
    expect(corrupt.status).toBe(1);
    expect(corrupt.out).toMatch(/does not match its sha256 checksum\): nothing was restored/);
    const cut = trama('restore', '--force', path.join(root, 'truncated.backup'));
    expect(cut.status).toBe(1);
    expect(cut.out).toMatch(/(truncated|does not match its sha256).*nothing was restored/);

    expect(await tableChecksums()).toEqual(before);
  });

  it.runIf(testEngine === 'pglite')('PGlite: no restore while another process holds the data folder', async () => {
    const holder = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
    try {
      const refused = trama('restore', '--force', archive);
      expect(refused.status).toBe(1);
      expect(refused.out).toContain(`in use by process ${String(process.pid)}`);
    } finally {
      await holder.close();
    }
  });
});
