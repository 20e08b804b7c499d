import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createApp, prepareDatabase } from '../../../src/app.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { openDatabase, type Database } from '../../../src/platform/db/database.ts';
import type { App } from '../../../src/platform/http/feature.ts';
import { e2eTemplateFile } from '../../support/engine.ts';

export interface RunningServer {
  url: string;
  app: App;
  database: Database;
  close(): Promise<void>;
}

/** The real server, on the embedded database with the demo Union (the run's template), serving the built web app. */
export async function startServer(): Promise<RunningServer> {
  const database = await openDatabase({ pgliteDump: new Blob([fs.readFileSync(e2eTemplateFile)]) });
  const config = loadConfig({ databaseUrl: undefined });
  await prepareDatabase({ database, config });
  const app = await createApp({ database, config }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
