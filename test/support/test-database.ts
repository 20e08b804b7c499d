import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { databaseUrl, pgliteTemplateFile, postgresTemplateName, serverUrl, testEngine } from './engine.ts';

/** A database of its own for one test file, copied from the run's migrated and seeded template. */
export async function openTestDatabase(): Promise<Database> {
  if (testEngine === 'pglite') {
    const dump = new Blob([fs.readFileSync(pgliteTemplateFile)]);
    return openDatabase({ pgliteDump: dump });
  }
  const name = `${postgresTemplateName}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName}`);
  } finally {
    await admin.end();
  }
  return openDatabase({ databaseUrl: databaseUrl(name), poolSize: 5 });
}
