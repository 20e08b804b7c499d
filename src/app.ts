import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pgliteDirOf, type Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
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
  auditFeature,
  adminLogFeature,
];

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

export function openConfiguredDatabase(config: Config, onConnectionError?: (error: Error) => void): Promise<Database> {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: pgliteDirOf(config),
    pgliteDurable: config.pgliteDurable,
    ...(onConnectionError ? { onConnectionError } : {}),
  });
}

/** Migrations, then each feature's start-up work (reference data). */
export async function prepareDatabase(context: AppContext): Promise<string[]> {
  const applied = await migrate(context.database);
  for (const feature of features) await feature.onStart?.(context);
  return applied;
}

export function createApp(context: AppContext, options: { logger?: boolean } = {}) {
  return buildServer({ context, features, webDir, logger: options.logger ?? true });
}
