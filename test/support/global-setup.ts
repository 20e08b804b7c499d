import fs from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/database.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { prepareDatabase } from '../../src/app.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { databaseUrl, pgliteTemplateFile, postgresTemplateName, serverUrl, testEngine, workDir } from './engine.ts';

/** Migrates and seeds one template per run; each test file then starts from a copy of it. */
export async function setup(): Promise<() => Promise<void>> {
  fs.mkdirSync(workDir, { recursive: true });
  const config = loadConfig({ databaseUrl: undefined });
  if (testEngine === 'pglite') {
    const database = await openDatabase({});
    await prepareDatabase({ database, config });
    await seedDemo(database.db, { persons: 120 });
    const dump = await database.pglite!.dumpDataDir('gzip');
    fs.writeFileSync(pgliteTemplateFile, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    return async () => {
      fs.rmSync(pgliteTemplateFile, { force: true });
    };
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${postgresTemplateName}`);
  await admin.query(`CREATE DATABASE ${postgresTemplateName}`);
  const database = await openDatabase({ databaseUrl: databaseUrl(postgresTemplateName), poolSize: 2 });
  await prepareDatabase({ database, config });
  await seedDemo(database.db, { persons: 120 });
  await database.close();
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${postgresTemplateName}%`]);
    for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    await admin.end();
  };
}
