import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { pgliteDirOf, type Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { listMigrations } from '../db/migrate.ts';
import { lockDataDir } from '../db/data-dir-lock.ts';
import type { Bilingual } from '../http/errors.ts';
import { readArchive } from './archive.ts';
import { backupError, countDifferences, DATABASE_MEMBER, type Manifest, type Query, tableCounts } from './manifest.ts';
import { runPgTool } from './pg-tools.ts';

/**
 * `trama restore FILE [--force]`: checks the whole archive first (restoring nothing from a damaged
 * file), refuses to replace data without --force, and checks every table's row count afterwards.
 */

const nonEmptyFolder = (dir: string) => fs.existsSync(dir) && fs.readdirSync(dir).length > 0;

const notEmpty = (what: Bilingual) =>
  backupError(
    {
      it: `${what.it} contiene già dati: il ripristino li sostituirebbe. Ripetere con --force per sostituirli.`,
      en: `${what.en} already holds data: the restore would replace it. Run again with --force to replace it.`,
    },
    'CONFLICT',
  );

function countsMismatch(expected: Record<string, number>, found: Record<string, number>): void {
  const differences = countDifferences(expected, found);
  if (!differences.length) return;
  throw backupError({
    it: `Dopo il ripristino il numero di righe non corrisponde al backup (${differences.join('; ')}).`,
    en: `After the restore the row counts differ from the backup's (${differences.join('; ')}).`,
  });
}

/** Files and folders on the disk before the restore says it is done (a copy sits in the page cache). */
async function syncTree(dir: string): Promise<void> {
  const entries = await fs.promises.readdir(dir, { recursive: true, withFileTypes: true });
  const paths = [...entries.map((entry) => path.join(entry.parentPath, entry.name)), dir];
  for (const item of paths) {
    const handle = await fs.promises.open(item, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

/** Puts a fully written and synced folder in the place of `target`, whatever was there. */
async function replaceFolder(ready: string, target: string): Promise<void> {
  await syncTree(ready);
  await fs.promises.rm(target, { recursive: true, force: true });
  await fs.promises.rename(ready, target);
}

async function restorePostgres(databaseUrl: string, dump: string, manifest: Manifest, force: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const query: Query = async (text) => (await client.query<Record<string, unknown>>(text)).rows;
    const others = Number((await query(`SELECT count(*) AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`))[0]?.n);
    if (others > 0) {
      throw backupError(
        {
          it: `Il database ha ${String(others)} altre connessioni aperte (un server Trama avviato?): fermare i server e riprovare.`,
          en: `The database has ${String(others)} other open connections (a running Trama server?): stop the servers and try again.`,
        },
        'CONFLICT',
      );
    }
    const tables = Number((await query(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'`))[0]?.n);
    if (tables > 0 && !force) {
      const name = new URL(databaseUrl).pathname.slice(1);
      throw notEmpty({ it: `Il database ${name}`, en: `The database ${name}` });
    }
    // Everything of the schema goes, tables newer than the backup included; the extensions come back with the dump.
    if (tables > 0) await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await runPgTool('pg_restore', databaseUrl, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', dump]);
    countsMismatch(manifest.tables, await tableCounts(query));
  } finally {
    await client.end();
  }
}

/** Loads the dump into a folder beside the data folder and swaps it in only once its row counts match. */
async function restorePglite(config: Config, dump: string, manifest: Manifest, checkFolders: () => void): Promise<void> {
  const dir = pgliteDirOf(config);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  // Held until the new folder is in place: no server may start on a half-restored database.
  const lock = lockDataDir(dir);
  try {
    checkFolders();
    const restoring = `${dir}.restoring`;
    await fs.promises.rm(restoring, { recursive: true, force: true });
    const database = await openDatabase({ pgliteDir: restoring, pgliteDump: await fs.openAsBlob(dump), pgliteDurable: config.pgliteDurable });
    try {
      countsMismatch(manifest.tables, await tableCounts(async (text) => (await sql.raw<Record<string, unknown>>(text).execute(database.db)).rows));
    } catch (error) {
      await database.close();
      await fs.promises.rm(restoring, { recursive: true, force: true });
      throw error;
    }
    await database.close();
    await replaceFolder(restoring, dir);
  } finally {
    lock.release();
  }
}

export async function restoreBackup(config: Config, file: string, options: { force: boolean }): Promise<Manifest> {
  const staging = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'trama-restore-'));
  try {
    const manifest = await readArchive(path.resolve(file), staging);
    const engine = config.databaseUrl ? 'postgres' : 'pglite';
    if (manifest.engine !== engine) {
      const name = (which: string) => (which === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite');
      throw backupError({
        it: `Il backup è di ${name(manifest.engine)}, la configurazione attuale usa ${name(engine)}: il ripristino tra motori diversi non è supportato.`,
        en: `The backup is of ${name(manifest.engine)}, this configuration uses ${name(engine)}: restoring across engines is not supported.`,
      });
    }
    const known = new Set(listMigrations());
    const newer = manifest.migrations.filter((name) => !known.has(name));
    if (newer.length) {
      throw backupError({
        it: `Il backup viene da una versione di Trama più recente (${manifest.tramaVersion}; migrazioni sconosciute: ${newer.join(', ')}): aggiornare Trama prima di ripristinarlo.`,
        en: `The backup comes from a newer Trama (${manifest.tramaVersion}; unknown migrations: ${newer.join(', ')}): upgrade Trama before restoring it.`,
      });
    }
    const documentsDir = manifest.documents.included ? config.documentsDir : undefined;
    if (manifest.documents.included && !documentsDir) {
      throw backupError({
        it: `Il backup contiene la cartella dei documenti (${String(manifest.documents.files)} file): impostare TRAMA_DOCUMENTS_DIR.`,
        en: `The backup holds the documents folder (${String(manifest.documents.files)} files): set TRAMA_DOCUMENTS_DIR.`,
      });
    }
    const checkDocuments = () => {
      if (documentsDir && !options.force && nonEmptyFolder(documentsDir)) throw notEmpty({ it: `La cartella dei documenti ${documentsDir}`, en: `The documents folder ${documentsDir}` });
    };
    const dump = path.join(staging, DATABASE_MEMBER[engine]);
    if (config.databaseUrl) {
      checkDocuments();
      await restorePostgres(config.databaseUrl, dump, manifest, options.force);
    } else {
      await restorePglite(config, dump, manifest, () => {
        if (!options.force && nonEmptyFolder(pgliteDirOf(config))) throw notEmpty({ it: `La cartella del database ${pgliteDirOf(config)}`, en: `The database folder ${pgliteDirOf(config)}` });
        checkDocuments();
      });
    }
    if (documentsDir) {
      const restored = path.join(staging, 'documents');
      await fs.promises.mkdir(restored, { recursive: true });
      const ready = `${documentsDir}.restoring`;
      await fs.promises.rm(ready, { recursive: true, force: true });
      // Copied beside the target first (the staging folder may be on another file system), then swapped in.
      await fs.promises.cp(restored, ready, { recursive: true });
      await replaceFolder(ready, documentsDir);
    }
    return manifest;
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
}
