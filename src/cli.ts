import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { createApp, openConfiguredDatabase, prepareDatabase, startDatabase } from './app.ts';
import { loadConfig } from './platform/config.ts';
import type { Database } from './platform/db/database.ts';
import { appliedMigrations, pendingMigrations } from './platform/db/migrate.ts';
import { Role, TerritoryKind } from './platform/access/roles.ts';
import { createLogger } from './platform/logger.ts';
import { shutDown } from './platform/http/shutdown.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { addGrant, createUser } from './features/users/users.service.ts';
import { CreateUserBody } from './features/users/users.schemas.ts';

const usage = `Uso / usage: trama <command>
  serve [--seed-demo-if-empty]   avvia il server / start the server
  migrate [--status]             applica le migrazioni (--status: le elenca soltanto) / apply migrations (--status: list them only)
  seed-demo                      carica l'Unione demo / load the demo Union
  create-user --username U --name "Nome" --password P [--role R --territory-kind K --territory-id T]`;

const COMMANDS = ['serve', 'migrate', 'seed-demo', 'create-user'] as const;
type Command = (typeof COMMANDS)[number];
const isCommand = (value: string | undefined): value is Command => COMMANDS.includes(value as Command);

/** create-user's options, read (and checked) before the database is opened. */
function createUserInput(args: string[]) {
  const { values } = parseArgs({
    args,
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
  const parsed = CreateUserBody.safeParse({ username: values.username, displayName: values.name, password: values.password, email: values.email ?? null });
  if (!parsed.success) {
    const option = (field: PropertyKey | undefined) => (field === 'displayName' ? 'name' : String(field));
    throw new Error(parsed.error.issues.map((issue) => `--${option(issue.path[0])}: ${issue.message}`).join('\n'));
  }
  const body = parsed.data;
  const grant = values.role
    ? { role: Role.parse(values.role), territoryKind: TerritoryKind.parse(values['territory-kind']), territoryId: values['territory-id'] ?? '' }
    : undefined;
  return { body, grant };
}

/** `trama migrate --status`: what the database has and what this release would still apply; changes nothing. */
async function printMigrationStatus(database: Database): Promise<void> {
  const applied = await appliedMigrations(database);
  const pending = await pendingMigrations(database);
  for (const name of applied) console.log(`applicata / applied  ${name}`);
  for (const name of pending) console.log(`da applicare / pending  ${name}`);
  console.log(`${String(applied.length)} applicate, ${String(pending.length)} da applicare / ${String(applied.length)} applied, ${String(pending.length)} pending`);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  // The command is read first: help, a typo or bad options never open (nor create) the database.
  if (!isCommand(command)) {
    const asked = command === undefined || command === 'help' || command === '--help' || command === '-h';
    if (asked) console.log(usage);
    else {
      console.error(usage);
      process.exitCode = 1;
    }
    return;
  }
  const newUser = command === 'create-user' ? createUserInput(rest) : undefined;
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openConfiguredDatabase(config, (error) => {
    log.warn({ code: (error as { code?: string }).code, message: error.message }, 'database connection lost: the pool opens a new one');
  });
  const context = { database, config };
  if (command === 'migrate' && rest.includes('--status')) {
    await printMigrationStatus(database);
    await database.close();
    return;
  }
  // `migrate` always applies; the others follow TRAMA_MIGRATE_ON_START (off with DATABASE_URL: then they refuse a schema behind this release).
  const applied = command === 'migrate' ? await prepareDatabase(context) : await startDatabase(context).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  if (applied.length) log.info({ applied }, 'migrations applied');

  switch (command) {
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
      const { body, grant } = newUser!;
      const user = await createUser(database.db, body);
      if (grant) await addGrant(database.db, user.id, grant);
      log.info({ userId: user.id }, 'user created');
      await database.close();
      return;
    }
    case 'serve': {
      if (rest.includes('--seed-demo-if-empty') && (await seedDemo(database.db))) log.info('demo data loaded');
      const app = await createApp(context);
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        // A second signal (Ctrl-C again) does not wait for the requests in flight.
        if (stopping) process.exit(1);
        stopping = true;
        log.info({ signal }, 'stop requested');
        shutDown(app, database, config.shutdownGraceMs).then(
          ({ drained }) => {
            log.info({ drained }, 'Trama stopped');
            process.exit(0);
          },
          (error: unknown) => {
            log.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      await app.listen({ port: config.port, host: config.host });
      // The port actually bound (PORT=0 picks a free one).
      const { port } = app.server.address() as AddressInfo;
      log.info({ url: `http://${config.host}:${String(port)}`, engine: database.engine }, 'Trama is ready');
      return;
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
