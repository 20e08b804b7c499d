import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { scopeFor } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AdminAction, AdminEntityType, AdminLogPage, AdminLogQuery } from './admin-log.schemas.ts';
import { ADMIN_LOG_READ } from './permissions.ts';
import './admin-log.tables.ts';
import '../../platform/auth/auth.tables.ts';
import '../territories/territories.tables.ts';

export interface AdminChange {
  entityType: AdminEntityType;
  entityId: string;
  action: AdminAction;
  /** The entity before the change (omit on create); plain data, secrets are dropped anyway. */
  before?: unknown;
  /** The entity after the change (omit on removal). */
  after?: unknown;
  /**
   * The municipalities the change concerns (a grant's, a team's, a user's grants'), so that territory's
   * managers see it; null for installation-wide reference data (every manager is concerned); an empty
   * list falls back to the territory of the actor's grants (e.g. a user created without grants yet), and
   * for the command line, which has no territory, to installation-wide.
   */
  municipalityCodes: readonly string[] | null;
}

const SECRET_KEY = /password|hash|secret|token/i;

/** A deep copy without any key that could hold a secret: the trail must never carry a password. */
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_KEY.test(key)).map(([key, v]) => [key, withoutSecrets(v)]));
  }
  return value;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(withoutSecrets(value)));

/**
 * Appends one row to the administration trail. Call it with the transaction that makes the change, so the
 * change and its trace commit or fail together. `actor` is null only for the command line.
 */
export async function recordAdminChange(trx: Db, actor: Actor | null, change: AdminChange): Promise<void> {
  let codes: string[] | null = change.municipalityCodes === null ? null : [...new Set(change.municipalityCodes)].sort();
  if (codes && codes.length === 0) codes = [...new Set((actor?.grants ?? []).flatMap((g) => g.municipalityCodes))].sort();
  if (codes && codes.length === 0) codes = null;
  await trx
    .insertInto('admin_log')
    .values({
      actor_id: actor?.userId ?? null,
      entity_type: change.entityType,
      entity_id: change.entityId,
      action: change.action,
      before: json(change.before),
      after: json(change.after),
      municipality_codes: codes,
      request_id: actor?.requestId ?? null,
      client_address: actor?.clientAddress ?? null,
    })
    .execute();
}

/** The municipalities whose trail the actor reads: those of its admin_log.read grants, an area's city included. */
async function viewerMunicipalities(db: Db, actor: Actor): Promise<string[]> {
  const scope = scopeFor(actor, ADMIN_LOG_READ);
  const areaCities = scope.areaIds.length
    ? (await db.selectFrom('area').select('municipality_code').where('id', 'in', scope.areaIds).execute()).map((a) => a.municipality_code)
    : [];
  return [...new Set([...scope.municipalityCodes, ...areaCities])];
}

/** The trail of the actor's territory and the installation-wide settings, newest first. */
export async function queryAdminLog(db: Db, actor: Actor, query: AdminLogQuery): Promise<AdminLogPage> {
  const codes = await viewerMunicipalities(db, actor);
  let select = db
    .selectFrom('admin_log as l')
    .leftJoin('app_user as u', 'u.id', 'l.actor_id')
    .where((eb) => eb.or([eb('l.municipality_codes', 'is', null), sql<boolean>`l.municipality_codes && ${codes}::text[]`]));
  if (query.entityType) select = select.where('l.entity_type', '=', query.entityType);
  if (query.entityId) select = select.where('l.entity_id', '=', query.entityId);
  if (query.actorId) select = select.where('l.actor_id', '=', query.actorId);
  if (query.from) select = select.where('l.at', '>=', sql<string>`(${query.from}::date)::timestamp AT TIME ZONE 'Europe/Rome'`);
  if (query.to) select = select.where('l.at', '<', sql<string>`(${query.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome'`);
  const rows = await select
    .select([
      'l.id',
      'l.at',
      'l.actor_id',
      'u.display_name',
      'l.entity_type',
      'l.entity_id',
      'l.action',
      'l.before',
      'l.after',
      'l.municipality_codes',
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
      actorId: r.actor_id,
      actorDisplayName: r.display_name,
      entityType: r.entity_type as AdminEntityType,
      entityId: r.entity_id,
      action: r.action as AdminAction,
      before: r.before ?? null,
      after: r.after ?? null,
      municipalityCodes: r.municipality_codes,
    })),
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
