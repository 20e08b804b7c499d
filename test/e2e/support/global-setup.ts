import fs from 'node:fs';
import { prepareDatabase } from '../../../src/app.ts';
import { seedDemo } from '../../../src/demo/seed-demo.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { openDatabase } from '../../../src/platform/db/database.ts';
import { e2eTemplateFile, workDir } from '../../support/engine.ts';

/** Migrates and seeds the demo once per run; each end-to-end file's server starts from a copy of it. */
export async function setup(): Promise<() => void> {
  fs.mkdirSync(workDir, { recursive: true });
  const database = await openDatabase({});
  await prepareDatabase({ database, config: loadConfig({ databaseUrl: undefined }) });
  await seedDemo(database.db, { persons: 150 });
  const dump = await database.pglite!.dumpDataDir('gzip');
  fs.writeFileSync(e2eTemplateFile, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  return () => {
    fs.rmSync(e2eTemplateFile, { force: true });
  };
}
