import type { AddressInfo } from 'node:net';
import { createApp, prepareDatabase } from '../../../src/app.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { openDatabase, type Database } from '../../../src/platform/db/database.ts';
import type { App } from '../../../src/platform/http/feature.ts';
import { seedDemo } from '../../../src/demo/seed-demo.ts';

export interface RunningServer {
  url: string;
  app: App;
  database: Database;
  close(): Promise<void>;
}

/** The real server, on the embedded database with the demo Union, serving the built web app. */
export async function startServer(): Promise<RunningServer> {
  const database = await openDatabase({});
  const config = loadConfig({ databaseUrl: undefined });
  await prepareDatabase({ database, config });
  await seedDemo(database.db, { persons: 150 });
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
