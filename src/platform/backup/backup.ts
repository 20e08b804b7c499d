import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { sql } from 'kysely';
import pg from 'pg';
import { pgliteDirOf, type Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { clock } from '../time/clock.ts';
import { fileDigest, writeArchive, type Member } from './archive.ts';
import { backupError, DATABASE_MEMBER, DOCUMENTS_PREFIX, type Manifest, migrationsIn, type Query, tableCounts, tramaVersion } from './manifest.ts';
import { runPgTool } from './pg-tools.ts';

/** `trama backup FILE`: the database and the documents folder in one archive (see archive.ts). */

interface DatabaseDump {
  engine: Manifest['engine'];
  dumpFile: string;
  migrations: string[];
  tables: Record<string, number>;
}

const notTrama = (where: string) =>
  backupError({
    it: `Nessun database di Trama da salvare in ${where} (mai migrato).`,
    en: `No Trama database to back up in ${where} (never migrated).`,
  });

/**
 * A server may keep writing meanwhile: the row counts and pg_dump read one exported snapshot, so the
 * manifest describes exactly the dump.
 */
async function dumpPostgres(databaseUrl: string, staging: string): Promise<DatabaseDump> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const query: Query = async (text) => (await client.query<Record<string, unknown>>(text)).rows;
    const snapshot = String((await query('SELECT pg_export_snapshot() AS id'))[0]?.id);
    const migrations = await migrationsIn(query);
    if (!migrations) throw notTrama(new URL(databaseUrl).pathname.slice(1));
    const tables = await tableCounts(query);
    const dumpFile = path.join(staging, DATABASE_MEMBER.postgres);
    await runPgTool('pg_dump', databaseUrl, ['--format=custom', `--snapshot=${snapshot}`, `--file=${dumpFile}`]);
    await client.query('COMMIT');
    return { engine: 'postgres', dumpFile, migrations, tables };
  } finally {
    await client.end();
  }
}

/** PGlite is one process: the server must be stopped (opening the folder takes its lock, or says who holds it). */
async function dumpPglite(config: Config, staging: string): Promise<DatabaseDump> {
  const dir = pgliteDirOf(config);
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) throw notTrama(dir);
  const database = await openDatabase({ pgliteDir: dir, pgliteDurable: config.pgliteDurable });
  try {
    const query: Query = async (text) => (await sql.raw<Record<string, unknown>>(text).execute(database.db)).rows;
    const migrations = await migrationsIn(query);
    if (!migrations) throw notTrama(dir);
    const tables = await tableCounts(query);
    const dump = await database.pglite!.dumpDataDir('gzip');
    const dumpFile = path.join(staging, DATABASE_MEMBER.pglite);
    await pipeline(Readable.fromWeb(dump.stream() as WebReadableStream), fs.createWriteStream(dumpFile));
    return { engine: 'pglite', dumpFile, migrations, tables };
  } finally {
    await database.close();
  }
}

/**
 * Every file of the documents folder but those still being written (`.part`, see document-storage.ts).
 * Read after the database's snapshot: documents are never deleted, so each row of the dump finds its file.
 */
async function documentMembers(dir: string): Promise<Member[]> {
  if (!fs.existsSync(dir)) return [];
  const entries = await fs.promises.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.part'))
    .map((entry) => {
      const source = path.join(entry.parentPath, entry.name);
      return { name: DOCUMENTS_PREFIX + path.relative(dir, source).split(path.sep).join('/'), source };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function createBackup(config: Config, file: string): Promise<Manifest> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) {
    throw backupError(
      { it: `${target} esiste già: scegliere un altro nome (un backup non ne sovrascrive un altro).`, en: `${target} already exists: choose another name (a backup never overwrites another).` },
      'CONFLICT',
    );
  }
  const staging = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'trama-backup-'));
  try {
    const dump = config.databaseUrl ? await dumpPostgres(config.databaseUrl, staging) : await dumpPglite(config, staging);
    const documents = config.documentsDir ? await documentMembers(config.documentsDir) : [];
    const members: Member[] = [{ name: DATABASE_MEMBER[dump.engine], source: dump.dumpFile }, ...documents];
    const files: Manifest['files'] = [];
    for (const member of members) files.push({ name: member.name, ...(await fileDigest(member.source)) });
    const manifest: Manifest = {
      format: 'trama-backup',
      formatVersion: 1,
      engine: dump.engine,
      tramaVersion: tramaVersion(),
      createdAt: clock.now().toISOString(),
      migrations: dump.migrations,
      tables: dump.tables,
      documents: { included: config.documentsDir !== undefined, files: documents.length },
      files,
    };
    await writeArchive(target, manifest, members);
    return manifest;
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
}
