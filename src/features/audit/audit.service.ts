import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope, scopeFor } from '../../platform/access/scope.ts';
import type { AccessLogPage, AccessLogQuery } from '../../platform/audit/access-log.schemas.ts';
import type { Db } from '../../platform/db/database.ts';
import { AUDIT_READ } from './permissions.ts';
import '../../platform/audit/access-log.tables.ts';
import '../../platform/auth/auth.tables.ts';
import '../registry/registry.tables.ts';

/** The access log of the manager's territories. Reading the log is not itself personal-data access of the person. */
export async function queryAccessLog(db: Db, actor: Actor, query: AccessLogQuery): Promise<AccessLogPage> {
  const scope = scopeFor(actor, AUDIT_READ);
  let select = db
    .selectFrom('access_log as l')
    .innerJoin('app_user as u', 'u.id', 'l.user_id')
    .leftJoin('person as p', 'p.id', 'l.person_id')
    .where(inScope(scope, 'l.municipality_code'));
  if (query.personId) select = select.where('l.person_id', '=', query.personId);
  if (query.userId) select = select.where('l.user_id', '=', query.userId);
  if (query.from) select = select.where('l.at', '>=', sql<string>`${query.from}::date`);
  if (query.to) select = select.where('l.at', '<', sql<string>`${query.to}::date + 1`);
  const rows = await select
    .select([
      'l.id',
      'l.at',
      'l.user_id',
      'u.display_name',
      'l.role',
      'l.action',
      'l.outcome',
      'l.record_type',
      'l.record_id',
      'l.person_id',
      sql<string | null>`p.family_name || ' ' || p.given_name`.as('person_name'),
      'l.purpose',
      'l.request_id',
      'l.client_address',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('l.at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      at: r.at,
      userId: r.user_id,
      userDisplayName: r.display_name,
      role: r.role,
      action: r.action as AccessLogPage['items'][number]['action'],
      outcome: r.outcome as AccessLogPage['items'][number]['outcome'],
      recordType: r.record_type,
      recordId: r.record_id,
      personId: r.person_id,
      personName: r.person_name,
      purpose: r.purpose,
      requestId: r.request_id,
      clientAddress: r.client_address,
    })),
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
