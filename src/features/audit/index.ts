import { createLogger } from '../../platform/logger.ts';
import type { AppContext, Feature } from '../../platform/http/feature.ts';
import { prepareAccessLogPartitions } from './access-log-archive.ts';
import { auditRoutes } from './audit.routes.ts';
import { auditPermissions } from './permissions.ts';

/**
 * At start (and at `trama migrate`): the access log's partitions of this month and the next ones. A server
 * whose role may not run the owner's function (EXECUTE revoked) still starts: a row of a month without its
 * partition lands in the DEFAULT partition, and the monthly `trama access-log archive` moves it.
 */
async function preparePartitions({ database, config }: AppContext): Promise<void> {
  try {
    await prepareAccessLogPartitions(database.db, config.accessLogMonthsAhead);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    createLogger(config.logLevel).warn({ message: (error as Error).message }, 'access log partitions not prepared: this database role may not; run `npx trama access-log prepare` as the owner');
  }
}

export const auditFeature: Feature = { name: 'audit', permissions: auditPermissions, routes: auditRoutes, onStart: preparePartitions };
