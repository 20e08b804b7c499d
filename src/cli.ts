import { parseArgs } from 'node:util';
import { createApp, openConfiguredDatabase, prepareDatabase } from './app.ts';
import { loadConfig } from './platform/config.ts';
import { Role, TerritoryKind } from './platform/access/roles.ts';
import { createLogger } from './platform/logger.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { addGrant, createUser } from './features/users/users.service.ts';
import { CreateUserBody } from './features/users/users.schemas.ts';

const usage = `Uso / usage: trama <command>
  serve [--seed-demo-if-empty]   avvia il server / start the server
  migrate                        applica le migrazioni / apply migrations
  seed-demo                      carica l'Unione demo / load the demo Union
  create-user --username U --name "Nome" --password P [--role R --territory-kind K --territory-id T]`;

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openConfiguredDatabase(config);
  const context = { database, config };
  const applied = await prepareDatabase(context);
  if (applied.length) log.info({ applied }, 'migrations applied');

  switch (command ?? 'help') {
    case 'migrate':
      await database.close();
      return;
    case 'seed-demo': {
      const seeded = await seedDemo(database.db);
      log.info({ seeded }, seeded ? 'demo data loaded' : 'demo data already present');
      await database.close();
      return;
    }
    case 'create-user': {
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
          email: { type: 'string' },
          role: { type: 'string' },
          'territory-kind': { type: 'string' },
          'territory-id': { type: 'string' },
        },
      });
      const body = CreateUserBody.parse({ username: values.username, displayName: values.name, password: values.password, email: values.email ?? null });
      const user = await createUser(database.db, body);
      if (values.role) {
        await addGrant(database.db, user.id, {
          role: Role.parse(values.role),
          territoryKind: TerritoryKind.parse(values['territory-kind']),
          territoryId: values['territory-id'] ?? '',
        });
      }
      log.info({ userId: user.id }, 'user created');
      await database.close();
      return;
    }
    case 'serve': {
      if (rest.includes('--seed-demo-if-empty') && (await seedDemo(database.db))) log.info('demo data loaded');
      const app = await createApp(context);
      const shutdown = async () => {
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void shutdown());
      process.on('SIGTERM', () => void shutdown());
      await app.listen({ port: config.port, host: config.host });
      log.info({ url: `http://${config.host}:${config.port}`, engine: database.engine }, 'Trama is ready');
      return;
    }
    default:
      console.error(usage);
      await database.close();
      process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
