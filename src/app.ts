import { appPath } from './platform/app-root.ts';
import { pgliteDirOf, type Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrate, pendingMigrations } from './platform/db/migrate.ts';
import { StartupError } from './platform/db/storage-errors.ts';
import type { AppContext, Feature } from './platform/http/feature.ts';
import { platformFeature } from './platform/http/platform-feature.ts';
import { buildServer } from './platform/http/server.ts';
import { assessmentsFeature } from './features/assessments/index.ts';
import { accessesFeature } from './features/accesses/index.ts';
import { appointmentsFeature } from './features/appointments/index.ts';
import { adminLogFeature } from './features/admin-log/index.ts';
import { auditFeature } from './features/audit/index.ts';
import { caseDiaryFeature } from './features/case-diary/index.ts';
import { caseDocumentsFeature } from './features/case-documents/index.ts';
import { caseLettersFeature } from './features/case-letters/index.ts';
import { carePlansFeature } from './features/care-plans/index.ts';
import { interventionsFeature } from './features/interventions/index.ts';
import { caseSettingsFeature } from './features/case-settings/index.ts';
import { contributionsFeature } from './features/contributions/index.ts';
import { callsFeature } from './features/calls/index.ts';
import { casesFeature } from './features/cases/index.ts';
import { catalogueFeature } from './features/catalogue/index.ts';
import { householdsFeature } from './features/households/index.ts';
import { registryFeature } from './features/registry/index.ts';
import { territoriesFeature } from './features/territories/index.ts';
import { usersFeature } from './features/users/index.ts';
import { proceduresFeature } from './features/procedures/index.ts';
import { referralsFeature } from './features/referrals/index.ts';
import { worklistFeature } from './features/worklist/index.ts';

/** Every feature of Trama, in the order their start-up work must run. */
export const features: Feature[] = [
  platformFeature,
  territoriesFeature,
  usersFeature,
  registryFeature,
  householdsFeature,
  catalogueFeature,
  accessesFeature,
  appointmentsFeature,
  caseSettingsFeature,
  casesFeature,
  caseDiaryFeature,
  proceduresFeature,
  worklistFeature,
  caseDocumentsFeature,
  caseLettersFeature,
  assessmentsFeature,
  carePlansFeature,
  referralsFeature,
  interventionsFeature,
  contributionsFeature,
  callsFeature,
  auditFeature,
  adminLogFeature,
];

export const webDir = appPath('dist/web');

export function openConfiguredDatabase(config: Config, onConnectionError?: (error: Error) => void): Promise<Database> {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: pgliteDirOf(config),
    pgliteDurable: config.pgliteDurable,
    poolSize: config.dbPoolMax,
    poolWaitMs: config.dbPoolWaitMs,
    statementTimeoutMs: config.dbStatementTimeoutMs,
    lockTimeoutMs: config.dbLockTimeoutMs,
    replicaUrl: config.databaseReplicaUrl,
    replicaPoolSize: config.dbReplicaPoolMax,
    pooler: config.dbPooler,
    ...(onConnectionError ? { onConnectionError } : {}),
  });
}

/**
 * Migrations hold a session-level advisory lock for their whole run, which pgbouncer's transaction mode
 * cannot keep: they connect to PostgreSQL directly.
 */
export const migrationsNotThroughPooler = () =>
  new StartupError({
    it: 'Con TRAMA_DB_POOLER=pgbouncer le migrazioni non passano da pgbouncer: indicare in TRAMA_MIGRATION_DATABASE_URL l’indirizzo diretto di PostgreSQL ed eseguire "npx trama migrate" (non TRAMA_MIGRATE_ON_START).',
    en: 'With TRAMA_DB_POOLER=pgbouncer migrations do not go through pgbouncer: set TRAMA_MIGRATION_DATABASE_URL to PostgreSQL\'s direct address and run "npx trama migrate" (not TRAMA_MIGRATE_ON_START).',
  });

/** Migrations, then each feature's start-up work (reference data). */
export async function prepareDatabase(context: AppContext): Promise<string[]> {
  const applied = await migrate(context.database);
  for (const feature of features) await feature.onStart?.(context);
  return applied;
}

/**
 * Start-up of the commands that use the database: migrates when TRAMA_MIGRATE_ON_START says so (the
 * embedded engine's default); otherwise refuses a database that still lacks a migration of this release,
 * since a shared server's schema changes only when the operator runs `npx trama migrate`.
 */
export async function startDatabase(context: AppContext): Promise<string[]> {
  if (context.config.migrateOnStart && context.database.engine === 'postgres' && context.config.dbPooler === 'pgbouncer') throw migrationsNotThroughPooler();
  if (context.config.migrateOnStart) return prepareDatabase(context);
  const pending = await pendingMigrations(context.database);
  if (pending.length > 0) {
    const count = String(pending.length);
    throw new StartupError({
      it: `Il database attende ${count} migrazioni di questa versione (${pending.join(', ')}): eseguire "npx trama migrate", poi riavviare (oppure impostare TRAMA_MIGRATE_ON_START=true).`,
      en: `The database lacks ${count} migrations of this release (${pending.join(', ')}): run "npx trama migrate", then start again (or set TRAMA_MIGRATE_ON_START=true).`,
    });
  }
  for (const feature of features) await feature.onStart?.(context);
  return [];
}

export function createApp(context: AppContext, options: { logger?: boolean } = {}) {
  return buildServer({ context, features, webDir, logger: options.logger ?? true });
}
