import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { scopeFor } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { STATS_READ } from './permissions.ts';
import type { RegistryStats } from './registry.schemas.ts';

/** Counts under this are hidden: in a small town, "2 persons" can name them. */
export const SUPPRESSION_THRESHOLD = 5;
const suppress = (n: number) => (n < SUPPRESSION_THRESHOLD ? null : n);

/** Aggregate counts per municipality of the actor's territories: no personal record, so no access log. */
export async function registryStats(db: Db, actor: Actor): Promise<RegistryStats> {
  const scope = scopeFor(actor, STATS_READ);
  const codes = scope.municipalityCodes.length ? scope.municipalityCodes : ['-'];
  const rows = await db
    .selectFrom('municipality as m')
    .select([
      'm.istat_code',
      'm.name',
      sql<number>`(SELECT count(*) FROM person p WHERE p.municipality_code = m.istat_code)`.as('persons'),
      sql<number>`(SELECT count(DISTINCT a.person_id) FROM access_log a
        WHERE a.municipality_code = m.istat_code AND a.at > trama_now() - interval '30 days')`.as('accessed'),
    ])
    .where('m.istat_code', 'in', codes)
    .orderBy('m.name')
    .execute();
  return {
    suppressionThreshold: SUPPRESSION_THRESHOLD,
    rows: rows.map((row) => ({
      municipalityCode: row.istat_code,
      municipalityName: row.name,
      persons: suppress(row.persons),
      accessesLast30Days: suppress(row.accessed),
    })),
  };
}
