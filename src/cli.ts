import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { createApp, migrationsNotThroughPooler, openConfiguredDatabase, prepareDatabase, startDatabase } from './app.ts';
import { loadConfig } from './platform/config.ts';
import type { Database } from './platform/db/database.ts';
import { appliedMigrations, pendingMigrations } from './platform/db/migrate.ts';
import { excessPrivileges, grantApplicationRole } from './platform/db/app-role.ts';
import { applyPoolerSettings } from './platform/db/pooler.ts';
import { Role, TerritoryKind } from './platform/access/roles.ts';
import { createLogger } from './platform/logger.ts';
import { shutDown } from './platform/http/shutdown.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { AppError } from './platform/http/errors.ts';
import { addGrant } from './features/users/grants.service.ts';
import { createUser } from './features/users/users.service.ts';
import { CreateUserBody } from './features/users/users.schemas.ts';
import { accessLogRequest, runAccessLogRequest } from './features/audit/access-log-command.ts';

const usage = `Uso / usage: trama <command>
  serve [--seed-demo-if-empty]   avvia il server / start the server
  migrate [--status]             applica le migrazioni (--status: le elenca soltanto) / apply migrations (--status: list them only)
  seed-demo                      carica l'Unione demo / load the demo Union
  create-user --username U --name "Nome" --password P [--role R --territory-kind K --territory-id T]
  backup FILE                    salva database e cartella documenti in FILE / save the database and documents folder to FILE
  restore FILE [--force]         ripristina da FILE (--force: sostituisce i dati presenti) / restore from FILE (--force: replace existing data)
  access-log prepare [--months-ahead N]
                                 prepara le partizioni mensili del registro degli accessi / prepare the access log's monthly partitions
  access-log archive --out DIR [--keep-months N] [--months-ahead N]
                                 esporta in DIR ed elimina i mesi più vecchi di N (≥ 24) / export to DIR and drop the months older than N (≥ 24)`;

const COMMANDS = ['serve', 'migrate', 'seed-demo', 'create-user', 'backup', 'restore', 'access-log'] as const;
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

/** backup / restore FILE [--force]: the file is required, and nothing but --force may follow (for restore). */
function archiveArguments(command: 'backup' | 'restore', args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: command === 'restore' ? { force: { type: 'boolean' } } : {} });
  if (positionals.length !== 1) throw new Error(`Uso / usage: trama ${command} FILE${command === 'restore' ? ' [--force]' : ''}`);
  return { file: positionals[0]!, force: values.force === true };
}

/** Runs backup or restore, which open the database (or the engine's tools) themselves. */
async function archiveCommand(command: 'backup' | 'restore', args: string[]): Promise<void> {
  const { file, force } = archiveArguments(command, args);
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // Loaded only for these commands: the server does not carry the archive code.
  if (command === 'backup') {
    const { createBackup } = await import('./platform/backup/backup.ts');
    const manifest = await createBackup(config, file);
    log.info({ file, engine: manifest.engine, tables: Object.keys(manifest.tables).length, documents: manifest.documents.files }, 'backup written');
    return;
  }
  const { restoreBackup } = await import('./platform/backup/restore.ts');
  const manifest = await restoreBackup(config, file, { force });
  log.info({ file, engine: manifest.engine, createdAt: manifest.createdAt, documents: manifest.documents.files }, 'backup restored; run `trama migrate` (or start the server) to apply newer migrations');
}

/**
 * `trama access-log prepare | archive`: as the tables' owner (TRAMA_MIGRATION_DATABASE_URL, like `migrate`),
 * since creating, detaching and dropping partitions is the owner's; options checked before opening anything.
 */
async function accessLogCommand(args: string[]): Promise<void> {
  const settings = loadConfig();
  const request = accessLogRequest(args, settings);
  const config = { ...settings, databaseUrl: settings.migrationDatabaseUrl ?? settings.databaseUrl };
  const log = createLogger(config.logLevel);
  const database = await openConfiguredDatabase(config);
  try {
    await startDatabase({ database, config });
    const { prepared, archived } = await runAccessLogRequest(database.db, request);
    for (const month of archived) log.info(month, 'access log month exported, verified and dropped');
    log.info({ prepared, archived: archived.length }, request.action === 'archive' ? 'access log archived' : 'access log partitions prepared');
  } finally {
    await database.close();
  }
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
  if (command === 'backup' || command === 'restore') {
    await archiveCommand(command, rest);
    return;
  }
  if (command === 'access-log') {
    await accessLogCommand(rest);
    return;
  }
  const newUser = command === 'create-user' ? createUserInput(rest) : undefined;
  const settings = loadConfig();
  if (command === 'migrate' && settings.dbPooler === 'pgbouncer' && !settings.migrationDatabaseUrl) throw migrationsNotThroughPooler();
  // Migrations run as the tables' owner, on a direct connection; the server as a role with only the grants it needs.
  const config =
    command === 'migrate'
      ? { ...settings, databaseUrl: settings.migrationDatabaseUrl ?? settings.databaseUrl, dbPooler: 'none' as const, databaseReplicaUrl: undefined }
      : settings;
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
      if (config.appRole) {
        const { appendOnly } = await grantApplicationRole(database, config.appRole);
        log.info({ role: config.appRole, appendOnly }, 'application role granted');
      }
      if (settings.dbPooler === 'pgbouncer') {
        const timeouts = { statementMs: config.dbStatementTimeoutMs, lockMs: config.dbLockTimeoutMs };
        log.info(await applyPoolerSettings(database, config.appRole, timeouts), 'role settings for connections through pgbouncer applied');
      }
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
      const user = await createUser(database.db, null, body);
      if (grant) await addGrant(database.db, null, user.id, grant);
      log.info({ userId: user.id }, 'user created');
      await database.close();
      return;
    }
    case 'serve': {
      if (rest.includes('--seed-demo-if-empty') && (await seedDemo(database.db))) log.info('demo data loaded');
      const excess = await excessPrivileges(database);
      if (excess.length) log.warn({ excess }, 'the server connects to PostgreSQL with more privileges than it needs: see README, "Least-privilege database roles"');
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
  // A refused value (a password the policy refuses) is told field by field; an operator's mistake or a
  // refused file (backup, restore) says what to do; both in both languages.
  if (error instanceof AppError && error.details) console.error(error.details.map((d) => `--${d.path}: ${d.message} / ${d.messageEn}`).join('\n'));
  else if (error instanceof AppError) console.error(`${error.bilingual.it}\n${error.bilingual.en}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
